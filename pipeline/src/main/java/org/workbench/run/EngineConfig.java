package org.workbench.run;

import org.workbench.config.Key;
import org.workbench.config.Section;

import java.util.List;
import java.util.Map;

/**
 * The top-level {@code engine} key and the {@code spark} section: where the stages run. Read only
 * when a config sets them, so a local config's resolved config (and run.json) does not change.
 */
public record EngineConfig(String engine, String master, Map<String, String> conf) {
    public static final String DEFAULT_MASTER = "local[*]";

    public static final List<Key> SPARK_KEYS = List.of(
            Key.string("master", DEFAULT_MASTER, "Spark master URL: local[*] (this machine, every core), local[N],"
                    + " or a cluster, e.g. spark://host:7077 (--master on the command line)"),
            Key.map("conf", "extra Spark settings passed as they are, e.g. {spark.executor.memory: 4g}"));

    public static final EngineConfig LOCAL = new EngineConfig(LocalEngine.NAME, DEFAULT_MASTER, Map.of());

    static EngineConfig parse(Section top) {
        String engine = top.has("engine") ? top.string("engine") : LocalEngine.NAME;
        if (!top.has("spark")) {
            return new EngineConfig(engine, DEFAULT_MASTER, Map.of());
        }
        Section spark = top.section("spark", SPARK_KEYS);
        return new EngineConfig(engine, spark.string("master"), spark.has("conf") ? spark.stringMap("conf") : Map.of());
    }
}
