package org.workbench.config;

import java.nio.file.Path;
import org.workbench.core.InputException;

/** A problem at one config path, e.g. {@code train.params.epochs: expected an integer, got "ten"}. */
public class ConfigException extends InputException {
    private final Path file;
    private final String path;
    private final String problem;

    public ConfigException(String path, String problem) {
        this(null, path, problem);
    }

    private ConfigException(Path file, String path, String problem) {
        super((file == null ? "" : file + ": ") + (path.isEmpty() ? "" : path + ": ") + problem);
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    /** Whether the message already names the config file. */
    public boolean namesFile() {
        return file != null;
    }

    /** Runs {@code work}; a config problem it finds without naming a file is given {@code file}'s name. */
    public static <T> T namingFile(Path file, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ConfigException e) {
            throw e.namesFile() ? e : e.inFile(file);
        }
    }

    /** The same problem, prefixed with the config file it was found in. */
    public ConfigException inFile(Path file) {
        return new ConfigException(file, path, problem);
    }
}
