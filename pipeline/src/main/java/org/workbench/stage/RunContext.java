package org.workbench.stage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;

/**
 * The state of one run: the resolved config plus the artifacts stages hand to each other. Every
 * value passes through here explicitly; nothing is global.
 */
public final class RunContext {
    /** Where this run's outputs are being written (a temporary folder until the run succeeds). */
    public static final Artifact<java.nio.file.Path> RUN_DIR = new Artifact<>("run_dir", java.nio.file.Path.class, "runner");

    private final PipelineConfig config;
    private final Map<String, Object> artifacts = new HashMap<>();

    public RunContext(PipelineConfig config) {
        this.config = config;
    }

    public PipelineConfig config() {
        return config;
    }

    public <T> void put(Artifact<T> key, T value) {
        artifacts.put(key.name(), value);
    }

    public <T> T get(Artifact<T> key) {
        Object value = artifacts.get(key.name());
        if (value == null) {
            throw new IllegalStateException("artifact '" + key.name() + "' is missing: the "
                    + key.producedBy() + " stage must run first");
        }
        return key.type().cast(value);
    }

    /** Drops an artifact no later stage needs, so its memory can be reclaimed. */
    public <T> void remove(Artifact<T> key) {
        artifacts.remove(key.name());
    }

    public <T> Optional<T> find(Artifact<T> key) {
        return Optional.ofNullable(artifacts.get(key.name())).map(key.type()::cast);
    }
}
