package org.workbench.stage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.core.StageProgress;

/**
 * The state of one run: the resolved config plus the artifacts stages hand to each other. Every
 * value passes through here explicitly; nothing is global.
 *
 * <p>Artifacts are written once: a second {@code put} of a key fails, so no stage can replace what
 * another produced. While {@link Pipeline} runs a stage, that stage may read only its declared
 * {@link Stage#inputs()} and write only its declared {@link Stage#outputs()}. Outside a stage (the
 * runner before and after the run, a test driving one stage) reads and writes are not restricted
 * by declarations. The pipeline releases an artifact after its last reader; reading it later fails.
 */
public final class RunContext {
    /** Where this run's outputs are being written (a temporary folder until the run succeeds). */
    public static final Artifact<java.nio.file.Path> RUN_DIR = new Artifact<>("run_dir", java.nio.file.Path.class, "runner");

    private final PipelineConfig config;
    private final Map<String, Object> artifacts = new HashMap<>();
    /** Released artifact name to the stage after which it was released. */
    private final Map<String, String> released = new HashMap<>();
    /** The stage the pipeline is running, and the names it may read and write; null between stages. */
    private String running;
    private Set<String> readable;
    private Set<String> writable;
    /** What the running stage is the last reader of (and the caller does not keep). */
    private Set<String> releasable;
    /** Where stages report how far they have got; not an artifact, so no stage has to declare it. */
    private volatile StageProgress progress = StageProgress.SILENT;

    public RunContext(PipelineConfig config) {
        this.config = config;
    }

    public PipelineConfig config() {
        return config;
    }

    /** Where the running stage reports its progress: silent unless the caller chose a display. */
    public StageProgress progress() {
        return progress;
    }

    /** Set by the caller before the run (the command line on a terminal). */
    public void reportProgressTo(StageProgress progress) {
        this.progress = java.util.Objects.requireNonNull(progress);
    }

    public synchronized <T> void put(Artifact<T> key, T value) {
        if (value == null) {
            throw new IllegalStateException("artifact '" + key.name() + "' written as null");
        }
        if (running != null && !writable.contains(key.name())) {
            throw new IllegalStateException("stage '" + running + "' writes artifact '" + key.name()
                    + "', which is not among its declared outputs()");
        }
        if (artifacts.containsKey(key.name()) || released.containsKey(key.name())) {
            throw new IllegalStateException("artifact '" + key.name() + "' is already written"
                    + (running == null ? "" : " (stage '" + running + "' writes it again)") + "; artifacts are written once");
        }
        artifacts.put(key.name(), value);
    }

    public synchronized <T> T get(Artifact<T> key) {
        Object value = read(key);
        if (value == null) {
            throw new IllegalStateException("artifact '" + key.name() + "' is missing: the "
                    + key.producedBy() + " stage must run first");
        }
        return key.type().cast(value);
    }

    /** The artifact when it was written; for inputs a stage may go without (an optional output of an earlier stage). */
    public synchronized <T> Optional<T> find(Artifact<T> key) {
        return Optional.ofNullable(read(key)).map(key.type()::cast);
    }

    private Object read(Artifact<?> key) {
        if (running != null && !readable.contains(key.name())) {
            throw new IllegalStateException("stage '" + running + "' reads artifact '" + key.name()
                    + "', which is not among its declared inputs()");
        }
        String after = released.get(key.name());
        if (after != null) {
            throw new IllegalStateException("artifact '" + key.name() + "' was released after its last reader, stage '"
                    + after + "'; a caller that reads it after the run must say so to the pipeline");
        }
        return artifacts.get(key.name());
    }

    /**
     * The running stage is done reading {@code key}: when it is the key's last reader and the caller
     * does not keep it, the key is released now instead of when the stage ends, so a long stage can
     * free a large input early. Otherwise (or outside a pipeline) nothing happens.
     */
    public synchronized void finishedWith(Artifact<?> key) {
        if (running == null) {
            return;
        }
        if (!readable.contains(key.name())) {
            throw new IllegalStateException("stage '" + running + "' is finished with artifact '" + key.name()
                    + "', which is not among its declared inputs()");
        }
        if (releasable.contains(key.name())) {
            release(key.name(), running);
        }
    }

    /** Only the pipeline marks which stage is running, and what may be released once it is done. */
    synchronized void enter(Stage stage, java.util.Collection<String> lastReaderOf) {
        running = stage.name();
        readable = names(stage.inputs());
        writable = names(stage.outputs());
        releasable = Set.copyOf(lastReaderOf);
    }

    synchronized void leave() {
        running = null;
        readable = null;
        writable = null;
        releasable = null;
    }

    /** What the running stage wrote under {@code name}, for the stage cache; null when it wrote nothing. */
    synchronized Object written(String name) {
        return artifacts.get(name);
    }

    /** Drops an artifact no later stage reads (and the caller does not keep), so its memory can be reclaimed. */
    synchronized void release(String name, String afterStage) {
        artifacts.remove(name);
        released.putIfAbsent(name, afterStage);
    }

    private static Set<String> names(java.util.List<Artifact<?>> keys) {
        Set<String> out = new HashSet<>();
        keys.forEach(k -> out.add(k.name()));
        return out;
    }
}
