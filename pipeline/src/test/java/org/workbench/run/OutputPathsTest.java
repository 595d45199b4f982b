package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.core.InputException;

class OutputPathsTest {
    @TempDir
    Path dir;

    private static String folderError(Path p) {
        return assertThrows(InputException.class, () -> OutputPaths.requireWritableFolder(p, "--out")).getMessage();
    }

    private static String fileError(Path p) {
        return assertThrows(InputException.class, () -> OutputPaths.requireWritableFile(p, "--output")).getMessage();
    }

    @Test
    void aFileIsNotAnOutputFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals("--out " + file + ": is a file, not a folder; give a folder for the outputs (it is created if missing)",
                folderError(file));
        Path under = file.resolve("runs/deeper");
        assertEquals("--out " + under + ": " + file + " is a file, so no folder can be created under it;"
                + " give a folder for the outputs", folderError(under));
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void existingOrCreatableFoldersPass() {
        assertDoesNotThrow(() -> OutputPaths.requireWritableFolder(dir, "--out"));
        assertDoesNotThrow(() -> OutputPaths.requireWritableFolder(dir.resolve("new/deeper"), "--out"));
        assertFalse(Files.exists(dir.resolve("new")), "checking creates nothing");
    }

    @Test
    void outputFileMustNotBeAFolderNorLackItsFolder() throws IOException {
        assertEquals("--output " + dir + ": is a folder; give a file name, e.g. " + dir.resolve("predictions.csv"),
                fileError(dir));
        Path missing = dir.resolve("nowhere/p.csv");
        assertEquals("--output " + missing + ": folder " + dir.resolve("nowhere")
                + " does not exist; create it first or write somewhere else", fileError(missing));
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path underFile = file.resolve("p.csv");
        assertEquals("--output " + underFile + ": " + file + " is a file, not a folder; give a path inside a folder",
                fileError(underFile));
        Path deepUnderFile = file.resolve("a/p.csv");
        assertEquals("--output " + deepUnderFile + ": " + file + " is a file, not a folder; give a path inside a folder",
                fileError(deepUnderFile));
        assertDoesNotThrow(() -> OutputPaths.requireWritableFile(dir.resolve("p.csv"), "--output"));
        assertDoesNotThrow(() -> OutputPaths.requireWritableFile(file, "--output"), "an existing file is replaced");
    }

    @Test
    void unwritableFolderIsNamed() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere: then there is nothing unwritable to report (the parent-is-a-file cases
            // above still run)
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root: a read-only folder is writable");
            assertEquals("--out " + locked.resolve("r") + ": folder " + locked
                    + " is not writable (permission denied); choose a folder you can write to", folderError(locked.resolve("r")));
            assertEquals("--output " + locked.resolve("p.csv") + ": folder " + locked
                    + " is not writable (permission denied); choose another path", fileError(locked.resolve("p.csv")));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
