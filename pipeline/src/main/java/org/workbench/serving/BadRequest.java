package org.workbench.serving;

/**
 * A request the server refuses: the HTTP status, an MLflow-style error code and a one-line message
 * saying what is wrong and where (row, column). Never carries a stack trace to the client.
 */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** MLflow's code for a request whose values are wrong (a missing column, a wrong type). */
    public static final String INVALID_VALUE = "INVALID_PARAMETER_VALUE";
    /** MLflow's code for a body that cannot be read at all (empty, malformed JSON, an unknown form). */
    public static final String MALFORMED = "MALFORMED_REQUEST";

    private final int status;
    private final String code;

    public BadRequest(int status, String code, String message) {
        super(message, null, false, false); // no stack trace: it is a message for the client
        this.status = status;
        this.code = code;
    }

    static BadRequest invalid(String message) {
        return new BadRequest(400, INVALID_VALUE, message);
    }

    static BadRequest malformed(String message) {
        return new BadRequest(400, MALFORMED, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
