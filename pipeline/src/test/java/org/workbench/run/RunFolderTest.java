package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden folder of a run: named by its pid, renamed or deleted once, and cleared when its process is gone. */
class RunFolderTest {
    /** Above the largest pid Linux allows (2^22), so no process can have it. */
    private static final long NO_SUCH_PID = 99_999_999L;

    @TempDir
    Path dir;

    private Path fabricated(long pid, String suffix) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(RunFolder.PREFIX + pid + "-" + suffix));
        Files.writeString(folder.resolve("run.json"), "{}");
        return folder;
    }

    @Test
    void folderOfAGoneProcessIsRemovedAndALiveOneStays() throws IOException {
        Path dead = fabricated(NO_SUCH_PID, "123");
        Path live = fabricated(ProcessHandle.current().pid(), "456");
        Path unrelated = Files.createDirectory(dir.resolve("20261126T063100Z"));
        Path otherHidden = Files.createDirectory(dir.resolve(".running-notapid"));

        assertEquals(List.of(dead), RunFolder.removeStale(dir));
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live.resolve("run.json")), "a live run's folder is never touched");
        assertTrue(Files.isDirectory(unrelated));
        assertTrue(Files.isDirectory(otherHidden), "a folder without a pid is not ours to judge");
    }

    @Test
    void folderOfAProcessStartedAfterItWasWrittenIsStale() throws IOException {
        // pid 1 is alive but was started (at boot) before any folder we write now; pretend the folder is older
        long initPid = 1;
        Path reused = fabricated(initPid, "789");
        Files.setLastModifiedTime(reused, FileTime.from(Instant.EPOCH));
        boolean initStartKnown = ProcessHandle.of(initPid).flatMap(p -> p.info().startInstant()).isPresent();
        List<Path> removed = RunFolder.removeStale(dir);
        if (initStartKnown) {
            assertEquals(List.of(reused), removed, "pid 1 started after 1970: the folder cannot be its");
        } else {
            assertEquals(List.of(), removed, "without a start time the owner counts as alive");
        }
    }

    @Test
    void missingParentGivesNothingToRemove() {
        assertEquals(List.of(), RunFolder.removeStale(dir.resolve("none")));
    }

    @Test
    void createNamesThePidAndFinishRenames() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("a/b"));
        String name = folder.path().getFileName().toString();
        assertTrue(name.startsWith(RunFolder.PREFIX + ProcessHandle.current().pid() + "-"), name);
        Files.writeString(folder.path().resolve("x.txt"), "x");
        Path done = dir.resolve("a/b/run1");
        folder.finish(done);
        assertEquals("x", Files.readString(done.resolve("x.txt")));
        folder.abandon(); // a late signal after the rename changes nothing
        assertTrue(Files.exists(done.resolve("x.txt")));
    }

    @Test
    void abandonRemovesTheFolderAndTheParentsItCreated() throws IOException {
        RunFolder folder = RunFolder.create(dir.resolve("a/b"));
        Files.writeString(folder.path().resolve("x.txt"), "x");
        folder.abandon();
        assertFalse(Files.exists(dir.resolve("a")), "folders created for the run are removed with it");
        assertTrue(Files.isDirectory(dir));
        assertThrows(IOException.class, () -> folder.finish(dir.resolve("late")), "no rename after a signal");
        assertFalse(Files.exists(dir.resolve("late")));
    }

    @Test
    void abandonKeepsParentsThatExistedBefore() throws IOException {
        Path parent = Files.createDirectories(dir.resolve("iris"));
        RunFolder folder = RunFolder.create(parent);
        folder.abandon();
        assertTrue(Files.isDirectory(parent));
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count());
        }
    }
}
