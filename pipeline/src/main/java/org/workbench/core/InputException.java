package org.workbench.core;

/**
 * Bad input from the user: a config, a data file or an argument. The CLI maps it to exit code 2 and
 * prints {@link #getMessage()} as one line, so the message must say what is wrong and where
 * (file and line, column, or config path).
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
