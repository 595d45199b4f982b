package org.workbench.config;

import org.workbench.core.InputException;

/** A problem at one config path, e.g. {@code train.params.epochs: expected an integer, got "ten"}. */
public class ConfigException extends InputException {
    private final String path;

    public ConfigException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
