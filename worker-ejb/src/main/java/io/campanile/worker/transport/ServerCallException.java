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

    public boolean isUnauthorized() {
        return status == 401;
    }

    /**
     * A 4xx other than 401 (this server's credentials) and 409 (this server's view of ownership): the request
     * itself is bad, every server would answer the same, retrying elsewhere is pointless.
     */
    public boolean isRejection() {
        return status >= 400 && status < 500 && status != 401 && status != 409;
    }
}
