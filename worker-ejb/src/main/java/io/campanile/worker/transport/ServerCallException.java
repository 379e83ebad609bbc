package io.campanile.worker.transport;

import java.net.URI;

/** A call to a server did not succeed: no answer at all ({@link #status()} 0) or an error status. */
public class ServerCallException extends RuntimeException {

    private final URI server;
    private final int status;

    public ServerCallException(URI server, int status, String message, Throwable cause) {
        super(server + ": " + (status == 0 ? "" : status + " ") + message, cause);
        this.server = server;
        this.status = status;
    }

    public static ServerCallException noAnswer(URI server, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ServerCallException(server, 0, "no answer (" + reason + ")", cause);
    }

    public URI server() {
        return server;
    }

    /** The HTTP status, or 0 when the server did not answer. */
    public int status() {
        return status;
    }

    /** 409: the server does not own the app (or the report does not fit the instance). */
    public boolean isConflict() {
        return status == 409;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    /** A 4xx other than 401: every server would answer the same, retrying elsewhere is pointless. */
    public boolean isRejection() {
        return status >= 400 && status < 500 && status != 401;
    }
}
