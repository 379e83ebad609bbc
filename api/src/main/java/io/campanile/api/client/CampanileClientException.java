package io.campanile.api.client;

/** A non-successful answer of a Campanile server, with its HTTP status and message. */
public class CampanileClientException extends RuntimeException {

    private final int status;

    public CampanileClientException(int status, String message) {
        super(status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
