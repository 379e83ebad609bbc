package io.campanile.api.client;

import io.campanile.api.admin.ErrorCode;
import io.campanile.api.admin.ErrorView;

/**
 * A non-successful answer of a Campanile server: its HTTP status, its stable {@link ErrorCode}, the field it names
 * (if any) and its message.
 */
public class CampanileClientException extends RuntimeException {

    private final int status;
    private final ErrorCode code;
    private final String field;

    public CampanileClientException(int status, String message) {
        this(status, ErrorCode.forStatus(status, false), null, message);
    }

    public CampanileClientException(int status, ErrorCode code, String field, String message) {
        super(status + ": " + message);
        this.status = status;
        this.code = code;
        this.field = field;
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
