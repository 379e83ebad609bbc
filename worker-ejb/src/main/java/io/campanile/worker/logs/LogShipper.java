package io.campanile.worker.logs;

import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.LogLine;
import io.campanile.api.protocol.Refusal;
import io.campanile.worker.discovery.ServerCandidates;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Sends queued run log lines in batches (up to {@link LogBatch#MAX_LINES}) to the first server that answers; any
 * server stores them. It waits {@code flushEvery} between batches (less when a full batch is waiting), so a chatty
 * processor costs one request per period. A batch no server answered goes back to the head of the queue and is sent
 * again after the retry pause; a batch a server rejects as a bad request is dropped (logged). Log lines are never
 * worth holding up work for: none of this touches polls, claims or reports.
 */
public final class LogShipper implements Runnable {

    private static final Logger LOG = Logger.getLogger(LogShipper.class.getName());

    private final String workerId;
    private final ServerApi api;
    private final ServerCandidates servers;
    private final LogQueue queue;
    private final Duration flushEvery;
    private final Duration retryPause;
    private volatile boolean running = true;
    private boolean failing;

    public LogShipper(
            String workerId,
            ServerApi api,
            ServerCandidates servers,
            LogQueue queue,
            Duration flushEvery,
            Duration retryPause) {
        this.workerId = workerId;
        this.api = api;
        this.servers = servers;
        this.queue = queue;
        this.flushEvery = flushEvery;
        this.retryPause = retryPause;
    }

    @Override
    public void run() {
        while (running) {
            try {
                queue.awaitLines(1000);
                if (queue.size() < LogBatch.MAX_LINES) {
                    Thread.sleep(flushEvery.toMillis()); // let a batch gather
                }
                if (!flushOnce()) {
                    Thread.sleep(retryPause.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
        queue.wake();
    }

    /** Sends one batch if lines are queued; false when no server took it. */
    public boolean flushOnce() {
        List<LogLine> batch = queue.take(LogBatch.MAX_LINES);
        if (batch.isEmpty()) {
            return true;
        }
        for (URI server : servers.inOrder()) {
            try {
                LogAnswer answer = api.logs(server, new LogBatch(workerId, batch));
                logRefusals(server, answer);
                if (failing) {
                    LOG.info("Run log lines are delivered again");
                    failing = false;
                }
                return true;
            } catch (ServerCallException e) {
                if (e.isRejection()) {
                    LOG.warning(() -> server + " rejected " + batch.size()
                            + " run log line(s) as a bad request, dropped: " + e.getMessage());
                    return true;
                }
            }
        }
        queue.putBack(batch);
        if (!failing) {
            LOG.warning(() -> "No server took " + batch.size() + " run log line(s); they are sent again later");
            failing = true;
        }
        return false;
    }

    /** Sends what is queued now, batch after batch, until empty or no server takes a batch. */
    public void flushAll() {
        while (queue.size() > 0 && flushOnce()) {
            // next batch
        }
    }

    private static void logRefusals(URI server, LogAnswer answer) {
        if (answer == null || answer.refused() == null) {
            return;
        }
        for (Refusal refusal : answer.refused()) {
            LOG.fine(() -> server + " refused run log lines of instance " + refusal.instanceId() + " attempt "
                    + refusal.attempt() + ": " + refusal.reason());
        }
    }
}
