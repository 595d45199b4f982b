# The Spark engine's JVM: the flags Spark 3.5 needs on Java 17 (the list in Spark's own launcher,
# org.apache.spark.launcher.JavaModuleOptions) and its class path (spark/target/lib: the engine's jar, the
# plain core jar and every third-party jar, one copy each; `mvn -DskipTests package` fills it).
# Sourced by scripts/workbench and by other scripts that start a Spark JVM.

spark_java_options() {
  echo -XX:+IgnoreUnrecognizedVMOptions \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
    --add-opens=java.base/sun.security.action=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
    -Djdk.reflect.useDirectMethodHandle=false
}

# spark_lib ROOT: the folder whose jars make the engine's class path
spark_lib() {
  echo "$1/spark/target/lib"
}
