package io.campanile.worker.testing;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.worker.transport.ServerApi;
import io.campanile.worker.transport.ServerCallException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One in-memory owner (epoch 1) with a stock of {@code stock} instances to hand out: a poll takes as many as it
 * asks for (an empty poll waits a few milliseconds, as a held long-poll would), every claim is claimed, every
 * outcome recorded. The report endpoint can be made to fail (503) or to be slow for a while.
 */
public final class StockedOwnerApi implements ServerApi {

    public static final URI SERVER = URI.create("http://owner.test/campanile");

    private final long stock;
    private final AtomicLong handedOut = new AtomicLong();
    public final AtomicInteger polls = new AtomicInteger();
    public final AtomicInteger batches = new AtomicInteger();
    public final AtomicInteger failedReportCalls = new AtomicInteger();
    /** How many times each instance was claimed, and how many outcomes it has. */
    public final Map<Long, Integer> claimed = new ConcurrentHashMap<>();

    public final Map<Long, Integer> outcomes = new ConcurrentHashMap<>();
    private volatile boolean reportsFailing;
    private volatile long reportMillis;

    public StockedOwnerApi(long stock) {
        this.stock = stock;
    }

    /** Report calls answer 503 (true) or are recorded again (false). */
    public void reportsFailing(boolean failing) {
        reportsFailing = failing;
    }

    /** Each report call takes this long before it is answered. */
    public void reportsTake(long millis) {
        reportMillis = millis;
    }

    public int outcomeCount() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public DiscoveryAnswer discover(URI server) {
        return new DiscoveryAnswer("app", "owner", SERVER.toString(), 1);
    }

    @Override
    public HeartbeatAnswer heartbeat(URI server, WorkerHeartbeat heartbeat) {
        return new HeartbeatAnswer("owner", 1);
    }

    @Override
    public PollAnswer poll(URI server, PollRequest request) {
        polls.incrementAndGet();
        List<Assignment> work = new ArrayList<>();
        while (work.size() < request.capacity()) {
            long id = handedOut.incrementAndGet();
            if (id > stock) {
                handedOut.decrementAndGet();
                break;
            }
            work.add(Assignments.anAssignment(id, 1));
        }
        if (work.isEmpty()) {
            sleep(5);
        }
        return new PollAnswer("owner", 1, work);
    }

    @Override
    public ClaimAnswer claim(URI server, ClaimRequest request) {
        request.claims().forEach(c -> claimed.merge(c.instanceId(), 1, Integer::sum));
        return new ClaimAnswer(request.claims(), List.of());
    }

    /** Run log lines sent, in order. */
    public final java.util.List<io.campanile.api.protocol.LogLine> logLines =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public io.campanile.api.protocol.LogAnswer logs(URI server, io.campanile.api.protocol.LogBatch batch) {
        logLines.addAll(batch.lines());
        return new io.campanile.api.protocol.LogAnswer(batch.lines().size(), java.util.List.of());
    }

    @Override
    public ReportAnswer report(URI server, ReportBatch batch) {
        sleep(reportMillis);
        if (reportsFailing) {
            failedReportCalls.incrementAndGet();
            throw new ServerCallException(server, 503, "scripted outage", null);
        }
        batches.incrementAndGet();
        for (Outcome outcome : batch.outcomes()) {
            outcomes.merge(outcome.instanceId(), 1, Integer::sum);
        }
        return new ReportAnswer(batch.outcomes().size(), List.of());
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void abortPolls() {}

    @Override
    public void close() {}
}
