package io.campanile.worker.logs;

import io.campanile.api.protocol.LogLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Log lines waiting to be sent, oldest first. Bounded: when it holds {@code capacity} lines, a new line is dropped and
 * counted, so that a processor that logs faster than the scheduler takes its lines costs memory up to the bound and
 * never blocks.
 */
public final class LogQueue {

    private final int capacity;
    private final Deque<LogLine> lines = new ArrayDeque<>();
    private long dropped;

    public LogQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Queues the line; false (and counted) when the queue is full. */
    public synchronized boolean offer(LogLine line) {
        if (lines.size() >= capacity) {
            dropped++;
            return false;
        }
        lines.addLast(line);
        notifyAll();
        return true;
    }

    /** Takes up to {@code max} lines from the head. */
    public synchronized List<LogLine> take(int max) {
        List<LogLine> batch = new ArrayList<>(Math.min(max, lines.size()));
        while (batch.size() < max && !lines.isEmpty()) {
            batch.add(lines.removeFirst());
        }
        return batch;
    }

    /** Puts lines that could not be sent back at the head, as far as there is room (the rest are dropped, counted). */
    public synchronized void putBack(List<LogLine> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (lines.size() >= capacity) {
                dropped += i + 1;
                return;
            }
            lines.addFirst(batch.get(i));
        }
    }

    public synchronized int size() {
        return lines.size();
    }

    /** How many lines were dropped because the queue was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Waits up to {@code millis} for a line to be queued, returning at once if one is. */
    synchronized void awaitLines(long millis) throws InterruptedException {
        if (lines.isEmpty() && millis > 0) {
            wait(millis);
        }
    }

    synchronized void wake() {
        notifyAll();
    }
}
