package io.campanile.worker.report;

import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Delivers the outcomes of runs in batches, in the order they were queued. A flush takes everything queued (up
 * to {@value #MAX_BATCH} outcomes, the server's limit) and sends it as one {@link ReportBatch} to the first
 * server that answers, in {@link ServerCandidates} order. The outcomes a server refuses are logged and dropped
 * (refusals are final); a batch no server answered stays at the head of the queue and is sent again by the
 * next flush. A batch rejected as a bad request (400) is sent again in halves, so that only the outcome the
 * server cannot read is dropped (logged), not the batch around it: a dropped outcome leaves its run RUNNING.
 * Nothing is ever dropped because the queue is long: the queue has no bound of its own, the worker bounds it by
 * taking no new work while {@link #waiting()} is at its capacity (see the worker's poll loop).
 *
 * <p>{@link #run()} is the sender thread: it flushes whenever outcomes are queued, and after a failed flush
 * again after the retry pause. Run threads only queue ({@link #submit}), so a finished run never waits for an
 * HTTP round trip; while one batch is on the wire the next one gathers. One flush at a time: the outcomes being
 * sent stay counted in {@link #waiting()} until the server has answered for them.
 */
public final class OutcomeSender implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutcomeSender.class.getName());
    static final int MAX_BATCH = 1000;

    private enum Delivery {
        ANSWERED,
        /** A server rejected the batch as a bad request: it cannot read some outcome of it. */
        REJECTED,
        UNDELIVERED
    }

    private final String workerId;
    private final ServerApi api;
    private final ServerCandidates servers;
    private final Duration retryPause;
    private final Runnable afterDelivery;
    /** Guarded by {@code this}; only the thread holding {@link #sending} removes from its head. */
    private final Deque<Outcome> queue = new ArrayDeque<>();

    private final ReentrantLock sending = new ReentrantLock();
    private volatile boolean stuck;
    private volatile boolean running = true;

    /** @param afterDelivery called, with no lock held, whenever outcomes left the queue (to wake a waiting poll) */
    public OutcomeSender(
            String workerId, ServerApi api, ServerCandidates servers, Duration retryPause, Runnable afterDelivery) {
        this.workerId = workerId;
        this.api = api;
        this.servers = servers;
        this.retryPause = retryPause;
        this.afterDelivery = afterDelivery;
    }

    /** Queues an outcome for the sender thread; never blocks for I/O. */
    public synchronized void submit(Outcome outcome) {
        queue.addLast(outcome);
        notifyAll();
    }

    /** Whether outcomes are being delivered: false while the last batch found no server to take it. */
    public boolean isFlowing() {
        return !stuck;
    }

    /** Outcomes queued and not yet answered for by a server (those being sent included). */
    public synchronized int waiting() {
        return queue.size();
    }

    /**
     * Sends queued outcomes, batch after batch, until the queue is empty or a batch reached no server; waits for a
     * flush in progress on another thread first. Returns whether the queue was emptied.
     */
    public boolean flush() {
        sending.lock();
        try {
            return drain();
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void run() {
        LOG.fine("Outcome sender started");
        while (running) {
            boolean emptied = flush();
            awaitWork(emptied);
        }
        LOG.fine("Outcome sender stopped");
    }

    /** Ends {@link #run()} after the batch in flight, if any; what is queued stays for a last {@link #flush()}. */
    public void stop() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
    }

    private synchronized void awaitWork(boolean emptied) {
        try {
            if (emptied) {
                while (running && queue.isEmpty()) {
                    wait();
                }
            } else if (running) {
                wait(retryPause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private boolean drain() {
        List<Outcome> batch;
        while (!(batch = head()).isEmpty()) {
            int settled = deliverFromHead(batch);
            if (settled > 0) {
                remove(settled);
                afterDelivery.run();
            }
            if (settled < batch.size()) {
                if (!stuck) {
                    int count = waiting();
                    LOG.warning(() -> "No server took a batch of " + count
                            + " outcome(s); they stay queued and will be sent again (no new work meanwhile)");
                }
                stuck = true;
                return false;
            }
        }
        if (stuck) {
            LOG.info("Queued outcomes delivered");
        }
        stuck = false;
        return true;
    }

    /**
     * Delivers {@code batch}; returns how many of its first outcomes are settled (answered for, or dropped as
     * unreadable), all of them unless no server could be reached.
     */
    private int deliverFromHead(List<Outcome> batch) {
        Delivery delivery = deliver(batch);
        if (delivery == Delivery.ANSWERED) {
            return batch.size();
        }
        if (delivery == Delivery.UNDELIVERED) {
            return 0;
        }
        if (batch.size() == 1) {
            Outcome bad = batch.get(0);
            LOG.severe(() -> "Server rejected the outcome of instance " + bad.instanceId() + " attempt " + bad.attempt()
                    + " as a bad request; dropped, the run stays RUNNING at the server");
            return 1;
        }
        List<Outcome> first = batch.subList(0, batch.size() / 2);
        int settled = deliverFromHead(first);
        if (settled < first.size()) {
            return settled;
        }
        return settled + deliverFromHead(batch.subList(first.size(), batch.size()));
    }

    private synchronized List<Outcome> head() {
        List<Outcome> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        for (Outcome outcome : queue) {
            if (batch.size() == MAX_BATCH) {
                break;
            }
            batch.add(outcome);
        }
        return batch;
    }

    private synchronized void remove(int count) {
        for (int i = 0; i < count; i++) {
            queue.removeFirst();
        }
    }

    private Delivery deliver(List<Outcome> batch) {
        for (URI server : servers.inOrder()) {
            try {
                ReportAnswer answer = api.report(server, new ReportBatch(workerId, batch));
                logRefusals(server, answer);
                return Delivery.ANSWERED;
            } catch (ServerCallException e) {
                if (e.isRejection()) {
                    LOG.warning(() -> server + " rejected a batch of " + batch.size() + " outcome(s) as a bad request: "
                            + e.getMessage());
                    return Delivery.REJECTED;
                }
            }
        }
        return Delivery.UNDELIVERED;
    }

    private static void logRefusals(URI server, ReportAnswer answer) {
        if (answer == null || answer.refused() == null) {
            return;
        }
        for (Refusal refusal : answer.refused()) {
            LOG.warning(() -> server + " refused the outcome of instance " + refusal.instanceId() + " attempt "
                    + refusal.attempt() + ": " + refusal.reason());
        }
    }
}
