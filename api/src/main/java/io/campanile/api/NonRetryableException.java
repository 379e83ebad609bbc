package io.campanile.api;

/**
 * Thrown by a processor for a failure that no retry can mend: the attempt fails and the instance is not retried,
 * whatever its job's retry policy (any other exception is a failure that may be retried).
 */
public class NonRetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
