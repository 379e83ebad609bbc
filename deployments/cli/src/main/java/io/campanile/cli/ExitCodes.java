package io.campanile.cli;

/** The tool's exit codes, documented in {@code docs/cli.md} and in {@code campanile --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A bug or an unexpected failure of the tool itself. */
    public static final int FAILURE = 1;
    /** A wrong command line, a missing URL or token, an unreadable or invalid input file. */
    public static final int USAGE = 2;
    /** The server refused the request (a 4xx answer: unknown job, invalid field, conflict, bad token...). */
    public static final int REFUSED = 3;
    /** The server failed (a 5xx answer) or could not be reached. */
    public static final int SERVER = 4;

    private ExitCodes() {}
}
