package io.campanile.api;

/**
 * The log of one attempt, given to the processor in its context ({@link ProcessorContext#log()}). Its lines, with
 * their level and time, go to the scheduler in batches and can be read, also while the run goes on, through the admin
 * API ({@code GET /api/admin/apps/{app}/instances/{id}/logs}); a job can keep them in the worker's own log instead.
 * Calls never block on the network and never throw: past the worker's per-attempt limit, lines are dropped (one line
 * says so).
 */
public interface RunLog {

    /** The level of a line. */
    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    void log(Level level, String message);

    default void debug(String message) {
        log(Level.DEBUG, message);
    }

    default void info(String message) {
        log(Level.INFO, message);
    }

    default void warn(String message) {
        log(Level.WARN, message);
    }

    default void error(String message) {
        log(Level.ERROR, message);
    }

    /** An error line with the exception's class, message and first stack frames. */
    default void error(String message, Throwable error) {
        StringBuilder line = new StringBuilder(message == null ? "" : message);
        if (error != null) {
            line.append(": ").append(error);
            StackTraceElement[] frames = error.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 10); i++) {
                line.append("\n\tat ").append(frames[i]);
            }
        }
        log(Level.ERROR, line.toString());
    }

    /** A log that keeps nothing. */
    RunLog NONE = (level, message) -> {};
}
