package org.workbench.spark;

import org.apache.spark.sql.SparkSession;
import org.workbench.run.EngineConfig;

import java.io.File;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts (or joins) the JVM's one Spark session for a run, quiet and with the settings a run needs. */
final class Sessions {
    /** Held so the levels stick: java.util.logging keeps loggers only weakly. */
    private static final Logger[] QUIET = {Logger.getLogger("org.apache.spark"), Logger.getLogger("org.sparkproject"),
            Logger.getLogger("org.apache.hadoop"), Logger.getLogger("dev.ludovic.netlib"), Logger.getLogger("org.apache.parquet"),
            Logger.getLogger("io.netty"), Logger.getLogger("org.apache.spark.util.Utils"), Logger.getLogger("breeze"),
            Logger.getLogger("org.apache.spark.ml.util.Instrumentation")};
    /** Partitions of a shuffle (groupBy, joins) unless spark.conf says otherwise: Spark's 200 is for large clusters. */
    static final String SHUFFLE_PARTITIONS = "8";

    private Sessions() {
    }

    static SparkSession start(EngineConfig engine, String runName) {
        quiet();
        String master = engine.master();
        SparkSession.Builder b = SparkSession.builder().appName("workbench " + runName).master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", SHUFFLE_PARTITIONS)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.debug.maxToStringFields", "1000");
        if (master.startsWith("local") || master.contains("127.0.0.1") || master.contains("localhost")) {
            // a laptop or a cluster on this machine: never bind to, or advertise, another interface
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.startsWith("local")) {
            // executors load the engine's classes (models, the core's records) from the same jars as this JVM:
            // the workers run where spark/target/lib is (this machine, or the same path on every node)
            b.config("spark.executor.extraClassPath", classPathJars());
        }
        for (Map.Entry<String, String> e : engine.conf().entrySet()) {
            b.config(e.getKey(), e.getValue());
        }
        SparkSession session = b.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return session;
    }

    static void quiet() {
        for (Logger l : QUIET) {
            l.setLevel(l.getName().equals("org.apache.spark") || l.getName().equals("org.sparkproject") ? Level.WARNING : Level.SEVERE);
        }
    }

    /** This JVM's class path jars, for executors on the same file system. */
    private static String classPathJars() {
        StringBuilder sb = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(new File(entry).getAbsolutePath());
            }
        }
        return sb.toString();
    }
}
