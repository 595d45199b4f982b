package org.workbench.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hidden folder a run writes into, {@code <parent>/.running-<pid>-<random>}. It becomes the run
 * folder by one rename when the run succeeds; a failure, SIGINT or SIGTERM deletes it. The pid in its
 * name lets a later run remove the folders of runs whose process is gone (killed with SIGKILL, or a
 * machine that lost power).
 */
final class RunFolder {
    static final String PREFIX = ".running-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private final List<Path> createdParents;
    private final Thread onSignal;
    private Path tmp; // guarded by this, like closed
    private boolean closed; // finished (renamed) or abandoned (deleted)

    private RunFolder(List<Path> createdParents) {
        this.createdParents = createdParents;
        this.onSignal = new Thread(this::abandon, "remove-unfinished-run-folder");
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    /**
     * Creates {@code parent} if needed and a fresh hidden folder in it named with this process's pid. The
     * signal handler is in place before the folder exists, so no signal can leave it behind.
     */
    static RunFolder create(Path parent) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p); // deepest first, so deleting them in order only removes what this run created
        }
        RunFolder folder = new RunFolder(missing);
        try {
            folder.open(parent);
        } catch (IOException | RuntimeException e) {
            folder.abandon();
            throw e;
        }
        return folder;
    }

    private synchronized void open(Path parent) throws IOException {
        if (closed) {
            throw new IOException("the run was interrupted");
        }
        Files.createDirectories(parent);
        tmp = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    }

    synchronized Path path() {
        return tmp;
    }

    /** Renames the hidden folder to {@code dir}; a signal that arrives meanwhile waits for the rename. */
    synchronized void finish(Path dir) throws IOException {
        if (closed) {
            throw new IOException("the run was interrupted and its folder removed");
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        closed = true;
        release();
    }

    /** Deletes the hidden folder (and the folders this run created for it, when empty). */
    synchronized void abandon() {
        if (closed) {
            return;
        }
        closed = true;
        // stage threads keep running while a signal is handled and may still add a file: delete until gone
        for (int attempt = 0; tmp != null && Files.exists(tmp) && attempt < 20; attempt++) {
            deleteTree(tmp);
            if (Files.exists(tmp)) {
                pause();
            }
        }
        for (Path p : createdParents) {
            p.toFile().delete(); // only succeeds when empty
        }
        if (Thread.currentThread() != onSignal) {
            release();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the folder closed and does nothing
        }
    }

    /**
     * Removes the hidden folders in {@code parent} left by runs whose process no longer exists, and
     * returns them. A folder whose pid belongs to a process started after the folder was last written
     * is stale too (the pid was reused). Folders of live runs are never touched.
     */
    static List<Path> removeStale(Path parent) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry) && !ownerAlive(parsePid(m.group(1)), entry)) {
                    deleteTree(entry);
                    if (!Files.exists(entry)) {
                        removed.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            // best effort: a folder we cannot list or delete stays, and the run goes on
        }
        removed.sort(Comparator.naturalOrder());
        return removed;
    }

    private static long parsePid(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }

    private static boolean ownerAlive(long pid, Path folder) {
        if (pid == ProcessHandle.current().pid()) {
            return true; // this process: a run in another thread (or an earlier caller) owns it
        }
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        try {
            Instant written = Files.readAttributes(folder, BasicFileAttributes.class).lastModifiedTime().toInstant();
            return started.isEmpty() || !started.get().isAfter(written);
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: what is left is hidden, named .running-<pid>-*, and removed by a later run
        }
    }
}
