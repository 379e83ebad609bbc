package io.campanile.worker.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one class's logger writes while a test runs, as {@code LEVEL message} lines. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    public final List<String> lines = new CopyOnWriteArrayList<>();

    public CapturedLog(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** The lines at {@code level} or above (FINE and below are left out). */
    public List<String> atLeast(Level level) {
        return lines.stream()
                .filter(line ->
                        Level.parse(line.substring(0, line.indexOf(' '))).intValue() >= level.intValue())
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
