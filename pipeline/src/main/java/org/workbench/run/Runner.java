package org.workbench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.workbench.config.PipelineConfig;
import org.workbench.core.RunContext;
import org.workbench.core.StageResult;

/**
 * Runs the pipeline for one config and writes its outputs into a fresh folder
 * {@code <out>/<name>/<UTC timestamp>/}. Everything is written into a hidden temporary folder that
 * is renamed only when the run succeeds; a failed run leaves nothing behind and touches no earlier run.
 */
public final class Runner {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Runner() {
    }

    /** The finished run: its folder and what each stage reported. */
    public record Outcome(Path dir, RunContext context, List<StageResult> results) {
    }

    public static Outcome run(PipelineConfig config, Path outRoot, String until, Consumer<StageResult> listener) {
        return run(config, outRoot, until, listener, context -> { });
    }

    /** As above; {@code prepare} may first put extra artifacts (e.g. a progress display) into the context. */
    public static Outcome run(PipelineConfig config, Path outRoot, String until, Consumer<StageResult> listener,
                              Consumer<RunContext> prepare) {
        Instant started = Instant.now();
        Path parent = outRoot.resolve(config.name());
        List<Path> created = createdDirs(parent);
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, ".running-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder under " + parent + ": " + e.getMessage(), e);
        }
        try {
            RunContext context = new RunContext(config);
            context.put(Artifacts.RUN_DIR, tmp);
            prepare.accept(context);
            List<StageResult> results = Workbench.pipeline().run(context, until, listener);
            RunOutputs.write(tmp, context, results, started, Instant.now());
            Path dir = finalName(parent, started);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(dir, context, results);
        } catch (IOException e) {
            deleteQuietly(tmp, created);
            throw new UncheckedIOException("cannot finish run folder: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp, created);
            throw e;
        }
    }

    private static Path finalName(Path parent, Instant started) {
        String stamp = STAMP.format(started);
        Path dir = parent.resolve(stamp);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(stamp + "-" + i);
        }
        return dir;
    }

    /** Folders on the way to {@code dir} that do not exist yet, deepest first. */
    private static List<Path> createdDirs(Path dir) {
        List<Path> missing = new java.util.ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        return missing;
    }

    private static void deleteQuietly(Path tmp, List<Path> createdParents) {
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the folder is hidden and named .running-*
        }
        for (Path p : createdParents) {
            p.toFile().delete(); // only succeeds when empty
        }
    }
}
