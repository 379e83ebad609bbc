package io.campanile.api.client;

import io.campanile.api.admin.ErrorCode;
import io.campanile.api.admin.ErrorView;

/**
 * A non-successful answer of a Campanile server: its HTTP status, its stable {@link ErrorCode}, the field it names
 * (if any) and its message; or no answer at all ({@link #UNREACHABLE}: refused, timed out, not HTTP), the cause
 * kept.
 */
public class CampanileClientException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final String field;

    public CampanileClientException(int status, String message) {
        this(status, ErrorCode.forStatus(status, false), null, message);
    }

    /** The status of an exception for a server that gave no answer: there is no HTTP status. */
    public static final int UNREACHABLE = 0;

    public CampanileClientException(int status, ErrorCode code, String field, String message) {
        this(status, code, field, message, null);
    }

    private CampanileClientException(int status, ErrorCode code, String field, String message, Throwable cause) {
        super(status + ": " + message, cause);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** No answer came from {@code server}: the connection was refused or timed out, or what came was not HTTP. */
    static CampanileClientException unreachable(java.net.URI server, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new CampanileClientException(UNREACHABLE, null, null, "no answer from " + server + ": " + why, cause);
    }

    /** Whether the server gave no answer ({@link #status()} is then {@link #UNREACHABLE} and {@link #code()} null). */
    public boolean unreachable() {
        return status == UNREACHABLE;
    }

    /** From an error body; a body of an older server without a code gets the status's code. */
    static CampanileClientException of(int status, ErrorView error) {
        ErrorCode code = ErrorCode.fromWire(error.code()).orElse(ErrorCode.forStatus(status, error.field() != null));
        return new CampanileClientException(status, code, error.field(), error.message());
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    /** The query or path parameter or JSON field at fault ({@code cursor}, {@code runs[3].at}), or null. */
    public String field() {
        return field;
    }
}
