package org.workbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageCache;
import org.workbench.collection.CollectionStage;
import org.workbench.collection.FileHash;
import org.workbench.table.DataConfig;
import org.workbench.stage.StageResult;

/**
 * Runs the pipeline for one config and writes its outputs into a fresh folder
 * {@code <out>/<name>/<UTC timestamp>/}. Everything is written into a hidden temporary folder that
 * is renamed only when the run succeeds; a failed or interrupted run leaves nothing behind and touches no
 * earlier run. Bad output paths and a bad {@code --until} are reported before anything is created.
 */
public final class Runner {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Runner() {
    }

    /** The finished run: its folder and what each stage reported. */
    public record Outcome(Path dir, RunContext context, List<StageResult> results, List<Path> staleRemoved) {
    }

    public static Outcome run(PipelineConfig config, Path outRoot, String until, Consumer<StageResult> listener) {
        return run(config, outRoot, until, listener, context -> { });
    }

    /** As above; {@code prepare} may first put extra artifacts (e.g. a progress display) into the context. */
    public static Outcome run(PipelineConfig config, Path outRoot, String until, Consumer<StageResult> listener,
                              Consumer<RunContext> prepare) {
        return run(config, outRoot, until, listener, prepare, null);
    }

    /**
     * As above, reusing and filling {@code cache} (null: none). The cache only saves work: with or
     * without it a run writes the same files, except that run.json says which stages it restored.
     * After the run the cache is trimmed to its size.
     */
    public static Outcome run(PipelineConfig config, Path outRoot, String until, Consumer<StageResult> listener,
                              Consumer<RunContext> prepare, StageCache cache) {
        Instant started = Instant.now();
        Path parent = outRoot.resolve(config.name());
        Engine engine = Engines.of(config);
        // another engine's stages are checked against the config here, before the output folder exists
        Pipeline pipeline = engine.pipeline(config);
        checkBeforeStarting(outRoot, parent, until, pipeline);
        if (!(engine instanceof LocalEngine)) {
            cache = null; // the stage cache stores local stages' artifacts
        }
        List<Path> staleRemoved = RunFolder.removeStale(parent);
        RunFolder folder;
        try {
            folder = RunFolder.create(parent);
        } catch (IOException e) {
            throw new InputException("--out " + outRoot + ": cannot create the run folder under " + parent + " ("
                    + e.getMessage() + "); choose a folder you can write to");
        }
        Path tmp = folder.path();
        try {
            RunContext context = new RunContext(config);
            context.put(RunContext.RUN_DIR, tmp);
            prepare.accept(context);
            // the file is hashed once: for the cache's key, and as the collection stage's record of it
            StageCache finalCache = cache;
            String sha256 = cache == null ? null : sha256(config);
            if (sha256 != null) {
                context.put(CollectionStage.FILE_SHA256, sha256);
            }
            String base = sha256 == null ? null : cache.baseKey(sha256, config.section(DataConfig.class).source()
                    .toAbsolutePath().normalize().toString(), config.baseDir().toAbsolutePath().normalize().toString());
            // with the cache, the files an earlier run made from the same stages' results are reused when all are restored
            String lastKey = base == null ? null : pipeline.lastKey(config, base, until);
            RunOutputs.Reusable reused = lastKey == null ? null : RunOutputs.Reusable.find(cache, lastKey);
            Engine.RunWriter writer = base == null ? engine.writer(tmp, context)
                    : new RunOutputs.Writer(tmp, context, cache, lastKey, reused);
            Consumer<StageResult> heard = result -> {
                listener.accept(result);
                writer.stageFinished(result);
            };
            // a config problem a stage finds is reported with the config file's name
            List<StageResult> results = ConfigException.namingFile(config.file(), () -> pipeline.run(context, until, heard,
                    base == null ? null : finalCache, base, reused == null ? null : Workbench.READ_AFTER_REUSED_RUN));
            writer.write(results, started, Instant.now());
            Path dir = finalName(parent, started);
            folder.finish(dir);
            if (cache != null) {
                cache.trim();
            }
            return new Outcome(dir, context, results, staleRemoved);
        } catch (IOException e) {
            folder.abandon();
            throw new UncheckedIOException("cannot finish run folder: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
    }

    /**
     * The data file's content hash, the first part of the cache's key with its path and the config's
     * folder (the run records the file relative to it); null when the file cannot be read: then the
     * definition stage reports it, uncached.
     */
    private static String sha256(PipelineConfig config) {
        Path source = config.section(DataConfig.class).source();
        if (!Files.isRegularFile(source)) {
            return null;
        }
        try {
            return FileHash.sha256(source);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Everything about the outputs that can be wrong is reported before any stage runs. */
    private static void checkBeforeStarting(Path outRoot, Path parent, String until, Pipeline pipeline) {
        OutputPaths.requireWritableFolder(outRoot, "--out");
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new InputException("--out " + outRoot + ": " + parent + " is a file, but the runs of this config go in"
                    + " a folder of that name; move the file or choose another --out");
        }
        OutputPaths.requireWritableFolder(parent, "--out");
        pipeline.checkUntil(until);
    }

    private static Path finalName(Path parent, Instant started) {
        String stamp = STAMP.format(started);
        Path dir = parent.resolve(stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(stamp + "-" + i);
        }
        return dir;
    }
}
