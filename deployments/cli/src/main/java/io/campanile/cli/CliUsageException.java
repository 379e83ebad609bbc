package io.campanile.cli;

/** A problem with what the user gave (settings, an input file) found before or without asking the server. */
public class CliUsageException extends RuntimeException {

    public CliUsageException(String message) {
        super(message);
    }

    public CliUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
