package org.workbench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.workbench.core.InputException;

/**
 * Checks an output folder or file before any work starts, so a bad {@code --out} or {@code --output}
 * is reported as bad input in one line, and nothing is created on the way.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code dir} must be a folder we can write in, or creatable under the nearest existing folder. */
    public static void requireWritableFolder(Path dir, String option) {
        Path existing = nearestExisting(dir);
        if (existing == null) {
            return; // a relative path with no existing part: created under the working folder
        }
        if (!Files.isDirectory(existing)) {
            throw new InputException(existing.equals(dir.toAbsolutePath())
                    ? option + " " + dir + ": is a file, not a folder; give a folder for the outputs (it is created if missing)"
                    : option + " " + dir + ": " + existing + " is a file, so no folder can be created under it;"
                            + " give a folder for the outputs");
        }
        if (!Files.isWritable(existing)) {
            throw new InputException(option + " " + dir + ": folder " + existing
                    + " is not writable (permission denied); choose a folder you can write to");
        }
    }

    /** {@code file} must be a file name (not a folder) in an existing folder we can write in. */
    public static void requireWritableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new InputException(option + " " + file + ": is a folder; give a file name, e.g. "
                    + file.resolve("predictions.csv"));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.exists(parent)) {
            Path existing = nearestExisting(parent);
            if (existing != null && !Files.isDirectory(existing)) {
                throw new InputException(option + " " + file + ": " + existing + " is a file, not a folder;"
                        + " give a path inside a folder");
            }
            throw new InputException(option + " " + file + ": folder " + parent
                    + " does not exist; create it first or write somewhere else");
        }
        if (!Files.isDirectory(parent)) {
            throw new InputException(option + " " + file + ": " + parent + " is a file, not a folder;"
                    + " give a path inside a folder");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
            throw new InputException(option + " " + file + ": " + (Files.exists(file) ? "file" : "folder " + parent)
                    + " is not writable (permission denied); choose another path");
        }
    }

    /** The path itself or its closest existing ancestor, absolute; null when nothing on the way exists. */
    private static Path nearestExisting(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }
}
