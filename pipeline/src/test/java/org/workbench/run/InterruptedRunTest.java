package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.cli.Cli;

/**
 * A real {@code workbench run} in a child JVM, stopped while its stages run: SIGTERM removes its hidden
 * folder at once; after SIGKILL the folder stays until the next run into the same root removes it.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptedRunTest {
    /** Only guards against a hung child; nothing here measures time. */
    private static final long GUARD_SECONDS = 300;

    @TempDir
    Path dir;

    /** iris with a search over hundreds of settings: it runs far longer than it takes us to stop it. */
    private Path slowConfig() throws IOException {
        String epochs = IntStream.range(0, 400).mapToObj(i -> String.valueOf(100 + i)).collect(Collectors.joining(", "));
        Path config = dir.resolve("slow.yaml");
        Files.writeString(config, "name: slow\n"
                + "problem: {task: classification, target: species, metric: accuracy}\n"
                + "data: {source: " + Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize() + "}\n"
                + "train: {model: logistic_regression}\n"
                + "evaluate: {cv_folds: 0}\n"
                + "tune: {enabled: true, method: grid, cv_folds: 5, threads: 1, grid: {train.params.epochs: [" + epochs + "]}}\n");
        return config;
    }

    private Process startRun(Path config, Path root) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classPath, "org.workbench.cli.WorkbenchCli",
                "run", config.toString(), "--out", root.toString(), "--quiet")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private static List<Path> hidden(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(RunFolder.PREFIX)).toList();
        }
    }

    /** Waits until the child has created its hidden folder (the run is under way) and returns it. */
    private Path awaitHiddenFolder(Process child, Path parent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (System.nanoTime() < deadline) {
            List<Path> found = hidden(parent);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (!child.isAlive()) {
                fail("the run ended before it could be stopped: " + Files.readString(dir.resolve("child.log")));
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("no hidden run folder appeared: " + Files.readString(dir.resolve("child.log")));
    }

    private static int awaitExit(Process child) throws InterruptedException {
        if (!child.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("the child did not exit");
        }
        return child.exitValue();
    }

    @Test
    void sigtermRemovesTheHiddenFolderAtOnce() throws Exception {
        Path root = Files.createDirectory(dir.resolve("reports"));
        Process child = startRun(slowConfig(), root);
        Path folder = awaitHiddenFolder(child, root.resolve("slow"));
        assertTrue(folder.getFileName().toString().startsWith(RunFolder.PREFIX + child.pid() + "-"), folder.toString());

        child.destroy(); // SIGTERM
        assertEquals(128 + 15, awaitExit(child), "ended by the signal, not by finishing");
        assertEquals(List.of(), hidden(root.resolve("slow")));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(), left.toList(), "the folder the run created for its config is gone too");
        }
    }

    @Test
    void afterSigkillTheNextRunRemovesTheFolder() throws Exception {
        Path root = Files.createDirectory(dir.resolve("reports"));
        Path config = slowConfig();
        Process child = startRun(config, root);
        Path folder = awaitHiddenFolder(child, root.resolve("slow"));
        child.destroyForcibly(); // SIGKILL: no handler runs
        awaitExit(child);
        assertTrue(Files.isDirectory(folder), "nothing can clean up after SIGKILL");

        Cli next = Cli.run("run", config.toString(), "--out", root.toString(), "--until", "collection");
        assertEquals(0, next.exitCode(), next.err());
        assertFalse(Files.exists(folder), "the later run removed the folder of the killed one");
        assertTrue(next.out().contains("removed " + folder + ": an unfinished run whose process is gone"), next.out());
        assertEquals(List.of(), hidden(root.resolve("slow")));
    }
}
