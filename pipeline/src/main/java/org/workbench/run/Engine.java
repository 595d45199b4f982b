package org.workbench.run;

import org.workbench.config.PipelineConfig;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where a config's stages run: {@code local} (this JVM: Tablesaw and Tribuo, {@link Workbench#pipeline()})
 * or another engine found on the class path through {@link java.util.ServiceLoader} (a jar that lists its
 * class in {@code META-INF/services/org.workbench.run.Engine}), picked by the config's {@code engine} key.
 * An engine's stages implement {@link org.workbench.stage.Stage} and write the same records under the same
 * stage names, so report.html, {@code compare} and the schemas read its runs as they read local ones.
 */
public interface Engine {
    /** The name under {@code engine} in a config and {@code --engine} on the command line. */
    String name();

    /**
     * The run's stages for this config. A key or value the engine cannot honour is an
     * {@link org.workbench.core.InputException} naming the key, thrown here, before any stage runs.
     */
    Pipeline pipeline(PipelineConfig config);

    /** Writes the run's files (run.json, metrics.json, report.html, ...) into its still hidden folder. */
    void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished);

    /**
     * The writer of one run's files into {@code dir}: told of each stage as it finishes, then asked to
     * write. The default writes everything at the end, by {@link #write}.
     */
    default RunWriter writer(Path dir, RunContext context) {
        return (results, started, finished) -> write(dir, context, results, started, finished);
    }

    /** Writes one run's files; hearing of each finished stage, it may start on a file whose content is decided. */
    interface RunWriter {
        /** Called on the run's thread after each stage, before the next one starts. */
        default void stageFinished(StageResult result) {
        }

        void write(List<StageResult> results, Instant started, Instant finished);
    }

    /**
     * What {@code workbench models --engine NAME} prints: each algorithm with its parameters, of one task
     * ({@code classification}, {@code regression}, {@code clustering}) or of all when {@code task} is null.
     */
    List<String> modelLines(String task);

    /**
     * Scores the rows of {@code input} with a model folder this engine saved (its {@code manifest.json}
     * names the engine) and writes the predictions under {@code output}; returns a line saying where.
     */
    default String predict(Path model, Path input, Path output) {
        throw new org.workbench.core.InputException("--model " + model + ": the " + name() + " engine scores model.bundle files;"
                + " give one");
    }
}
