package org.workbench.stage;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;

/**
 * One step of the machine-learning process. A stage reads the artifacts earlier stages put into
 * the {@link RunContext}, adds its own, and returns a short account of what it did, with numbers.
 * It declares both: {@link Pipeline} checks the wiring before any stage runs, and the context
 * refuses a read or a write the running stage did not declare.
 */
public interface Stage {
    /** Lower-case name used on the command line, e.g. {@code preprocessing}. */
    String name();

    /** One sentence a student can read: what this stage does. */
    String description();

    /** The artifacts this stage reads ({@code get} or {@code find}): each produced by an earlier stage or supplied. */
    List<Artifact<?>> inputs();

    /** The artifacts this stage may write, each at most once; no other stage writes them. */
    List<Artifact<?>> outputs();

    StageResult run(RunContext context);

    /** The config sections this stage reads, by dotted path, with their documented keys. */
    Map<String, List<Key>> configKeys();

    /**
     * The config paths whose values decide what this stage makes, besides the data and what earlier
     * stages made: its part of the stage-cache key (the top-level {@code seed} is always part of it).
     * By default the top-level sections of {@link #configKeys()}.
     */
    default List<String> keyPaths() {
        return configKeys().keySet().stream().map(p -> p.contains(".") ? p.substring(0, p.indexOf('.')) : p)
                .distinct().sorted().toList();
    }

    /**
     * How each output is stored in the stage cache, by artifact name. A stage with an output that has
     * no codec here is never cached, and neither is any stage after it.
     */
    default Map<String, Codec<?>> codecs() {
        return Map.of();
    }

    /**
     * Whether what this stage makes under {@code config} depends on the data and config alone, so a
     * later run may restore it from the stage cache. False when it also depends on the clock (a search
     * stopped by a time budget): such a stage runs every time, and so does every stage after it.
     */
    default boolean repeatable(PipelineConfig config) {
        return true;
    }
}
