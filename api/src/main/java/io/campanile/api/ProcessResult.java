package io.campanile.api;

/**
 * The outcome of a processor run; the message is shown with the instance (keep it short).
 *
 * @param retryable for a failure, whether the job's retry policy may run the instance again; a failure that no
 *     retry can mend (bad input, say) is {@code failure(...).notRetryable()}. Ignored for a success
 */
public record ProcessResult(boolean success, String message, boolean retryable) {

    /** A success, or a failure that may be retried. */
    public ProcessResult(boolean success, String message) {
        this(success, message, true);
    }

    public static ProcessResult success(String message) {
        return new ProcessResult(true, message);
    }

    /** A failure; retried if the job's retry policy allows another attempt. */
    public static ProcessResult failure(String message) {
        return new ProcessResult(false, message);
    }

    /** The same failure, never retried whatever the job's retry policy. */
    public ProcessResult notRetryable() {
        return new ProcessResult(success, message, false);
    }
}
