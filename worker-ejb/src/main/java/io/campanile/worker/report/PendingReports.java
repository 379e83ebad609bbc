package io.campanile.worker.report;

import io.campanile.api.protocol.StatusReport;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * Reports waiting for delivery, oldest first. Bounded, so an outage cannot exhaust the heap: when full, the
 * oldest report is dropped, and that is logged as an error (the owner then treats the run as lost).
 */
public final class PendingReports {

    private static final Logger LOG = Logger.getLogger(PendingReports.class.getName());

    private final int limit;
    private final Deque<StatusReport> queue = new ArrayDeque<>();
    private long dropped;

    public PendingReports(int limit) {
        this.limit = limit;
    }

    public synchronized void add(StatusReport report) {
        if (queue.size() >= limit) {
            StatusReport oldest = queue.removeFirst();
            dropped++;
            LOG.severe(() -> "Report queue full (" + limit + " reports no server took): dropped the "
                    + oldest.state() + " report of instance " + oldest.instanceId() + " attempt "
                    + oldest.attempt() + " (" + dropped + " dropped so far)");
        }
        queue.addLast(report);
    }

    public synchronized StatusReport peek() {
        return queue.peekFirst();
    }

    /** Removes {@code report} if it is still the oldest (it may have been dropped meanwhile). */
    public synchronized void remove(StatusReport report) {
        if (queue.peekFirst() == report) {
            queue.removeFirst();
        }
    }

    public synchronized int size() {
        return queue.size();
    }

    public synchronized long dropped() {
        return dropped;
    }
}
