package io.campanile.api;

/** The outcome of a processor run; the message is shown with the instance (keep it short). */
public record ProcessResult(boolean success, String message) {

    public static ProcessResult success(String message) {
        return new ProcessResult(true, message);
    }

    public static ProcessResult failure(String message) {
        return new ProcessResult(false, message);
    }
}
