package io.campanile.scheduler.application;

import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.Handoff;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.LogLine;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.util.HashSet;
import java.util.Set;

/**
 * The documented limits (docs/api.md) of what workers and peers send, checked before anything is
 * kept: a value that passes fits its column and its place in memory, so one worker's odd request
 * cannot stop its app's dispatch.
 */
public final class InputLimits {

    /** Worker ids are stored in {@code job_instance.worker_id}, VARCHAR(200). */
    public static final int MAX_WORKER_ID = 200;
    /** What a worker's {@code campanile.worker.capacity} allows. */
    public static final int MAX_CAPACITY = PollRequest.MAX_CAPACITY;

    public static final int MAX_ATTEMPT = 1_000_000;
    /** Server ids are stored in {@code server_node.id}, VARCHAR(64). */
    public static final int MAX_SERVER_ID = 64;

    public static final int MAX_HANDOFF_APPS = 10_000;
    /** Processor names a worker reports; each as long as a job's {@code processor} may be. */
    /** With at most 1,000 workers an app, this bounds what the owner keeps of their processors (about 40 MB). */
    public static final int MAX_PROCESSORS = 100;

    public static final int MAX_PROCESSOR = 200;

    private InputLimits() {}

    public static void heartbeat(WorkerHeartbeat h) {
        Check.present("body", h);
        Check.identifier("workerId", h.workerId(), MAX_WORKER_ID);
        if (!Double.isFinite(h.cpuLoad())) {
            throw RequestRejected.invalid("cpuLoad", "must be a finite number");
        }
        Check.range("freeHeapBytes", h.freeHeapBytes(), 0, Long.MAX_VALUE);
        Check.range("maxHeapBytes", h.maxHeapBytes(), 0, Long.MAX_VALUE);
        Check.range("activeRuns", h.activeRuns(), 0, Integer.MAX_VALUE);
        Check.range("capacity", h.capacity(), 0, MAX_CAPACITY);
        Check.range("epochSeen", h.epochSeen(), 0, Long.MAX_VALUE);
        if (h.heartbeatMillis() != null) {
            // the worker's own setting, campanile.worker.heartbeat-millis, has the same range
            Check.range("heartbeatMillis", h.heartbeatMillis(), 100, 3_600_000);
        }
        if (h.running() != null) {
            if (h.running().size() > MAX_CAPACITY) {
                throw RequestRejected.invalid("running", "has more than " + MAX_CAPACITY + " attempts");
            }
            for (int i = 0; i < h.running().size(); i++) {
                var claim = h.running().get(i);
                if (claim == null) {
                    throw RequestRejected.invalid("running[" + i + "]", "is null");
                }
                Check.range("running[" + i + "].instanceId", claim.instanceId(), 1, Long.MAX_VALUE);
                Check.range("running[" + i + "].attempt", claim.attempt(), 1, Integer.MAX_VALUE);
            }
        }
        if (h.processors() != null) {
            if (h.processors().size() > MAX_PROCESSORS) {
                throw RequestRejected.invalid("processors", "has more than " + MAX_PROCESSORS + " names");
            }
            for (int i = 0; i < h.processors().size(); i++) {
                // a name as a job's processor may hold it; no line break (app_workers keeps one name per line)
                Check.identifier("processors[" + i + "]", h.processors().get(i), MAX_PROCESSOR);
            }
        }
        if (h.freeDiskBytes() != null) {
            Check.range("freeDiskBytes", h.freeDiskBytes(), 0, Long.MAX_VALUE);
        }
        if (h.tags() != null) {
            if (h.tags().size() > RoutingDefinitions.MAX_TAGS) {
                throw RequestRejected.invalid("tags", "has more than " + RoutingDefinitions.MAX_TAGS + " tags");
            }
            for (int i = 0; i < h.tags().size(); i++) {
                String tag = Check.identifier("tags[" + i + "]", h.tags().get(i), MAX_WORKER_ID);
                if (!RoutingDefinitions.TAG.matcher(tag).matches()) {
                    throw RequestRejected.invalid("tags[" + i + "]", "a tag is 1-64 letters, digits, '.', '_' or '-'");
                }
            }
        }
    }

    public static void poll(PollRequest p) {
        Check.present("body", p);
        Check.identifier("workerId", p.workerId(), MAX_WORKER_ID);
        Check.range("capacity", p.capacity(), 1, MAX_CAPACITY);
        Check.range("epochSeen", p.epochSeen(), 0, Long.MAX_VALUE);
    }

    /** The most attempts in one claim and the most outcomes in one report batch (one poll answer's worth). */
    public static final int MAX_BATCH = 1000;

    /** A claim names each instance once: one claim per instance and answer. */
    public static void claims(ClaimRequest c) {
        Check.present("body", c);
        Check.identifier("workerId", c.workerId(), MAX_WORKER_ID);
        Check.range("epoch", c.epoch(), 1, Long.MAX_VALUE);
        Check.present("claims", c.claims());
        if (c.claims().size() > MAX_BATCH) {
            throw RequestRejected.invalid("claims", "has more than " + MAX_BATCH + " entries");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < c.claims().size(); i++) {
            Claim claim = c.claims().get(i);
            Check.present("claims[" + i + "]", claim);
            attempt("claims[" + i + "]", claim.instanceId(), claim.attempt());
            if (!seen.add(claim.instanceId())) {
                throw RequestRejected.invalid(
                        "claims[" + i + "].instanceId", "names instance " + claim.instanceId() + " twice");
            }
        }
    }

    /** Run log lines: at most {@link LogBatch#MAX_LINES}, each numbered, timed, with a level and a bounded message. */
    public static void logs(LogBatch b) {
        Check.present("body", b);
        Check.identifier("workerId", b.workerId(), MAX_WORKER_ID);
        Check.present("lines", b.lines());
        if (b.lines().size() > LogBatch.MAX_LINES) {
            throw RequestRejected.invalid("lines", "has more than " + LogBatch.MAX_LINES + " entries");
        }
        for (int i = 0; i < b.lines().size(); i++) {
            String at = "lines[" + i + "]";
            LogLine line = b.lines().get(i);
            Check.present(at, line);
            attempt(at, line.instanceId(), line.attempt());
            Check.range(at + ".seq", line.seq(), 1, Long.MAX_VALUE);
            Check.present(at + ".at", line.at());
            Check.present(at + ".level", line.level());
            Check.present(at + ".message", line.message());
            Check.text(at + ".message", line.message(), MAX_LOG_MESSAGE);
        }
    }

    /** The longest run log line stored (the worker cuts longer ones). */
    public static final int MAX_LOG_MESSAGE = 4000;

    /** A batch names each instance once: an attempt ends once. */
    public static void outcomes(ReportBatch b) {
        Check.present("body", b);
        Check.identifier("workerId", b.workerId(), MAX_WORKER_ID);
        Check.present("outcomes", b.outcomes());
        if (b.outcomes().size() > MAX_BATCH) {
            throw RequestRejected.invalid("outcomes", "has more than " + MAX_BATCH + " entries");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < b.outcomes().size(); i++) {
            String at = "outcomes[" + i + "]";
            Outcome o = b.outcomes().get(i);
            Check.present(at, o);
            attempt(at, o.instanceId(), o.attempt());
            if (o.state() == null) {
                throw RequestRejected.invalid(at + ".state", "is required (SUCCEEDED, FAILED or TIMED_OUT)");
            }
            // longer messages are cut to the column's 2,000 characters when stored
            Check.text(at + ".message", o.message(), Integer.MAX_VALUE);
            if (!seen.add(o.instanceId())) {
                throw RequestRejected.invalid(at + ".instanceId", "names instance " + o.instanceId() + " twice");
            }
        }
    }

    private static void attempt(String at, long instanceId, int attempt) {
        Check.range(at + ".instanceId", instanceId, 1, Long.MAX_VALUE);
        Check.range(at + ".attempt", attempt, 1, MAX_ATTEMPT);
    }

    /**
     * A hand-off a peer may act on: from another server (a server never hands its apps to itself;
     * taking them "over" would only bump their epochs), naming each app once.
     */
    public static void handoff(Handoff h, String receivingServerId) {
        Check.present("body", h);
        Check.identifier("leavingServerId", h.leavingServerId(), MAX_SERVER_ID);
        if (h.leavingServerId().equals(receivingServerId)) {
            throw RequestRejected.invalid(
                    "leavingServerId",
                    "names this server (" + receivingServerId + "); a server cannot hand off to itself");
        }
        Check.present("apps", h.apps());
        if (h.apps().size() > MAX_HANDOFF_APPS) {
            throw RequestRejected.invalid("apps", "has more than " + MAX_HANDOFF_APPS + " entries");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < h.apps().size(); i++) {
            Handoff.HeldApp app = h.apps().get(i);
            Check.present("apps[" + i + "]", app);
            Check.appName("apps[" + i + "].appName", app.appName());
            Check.range("apps[" + i + "].epoch", app.epoch(), 1, Long.MAX_VALUE);
            if (!seen.add(app.appName())) {
                throw RequestRejected.invalid("apps[" + i + "].appName", "names app " + app.appName() + " twice");
            }
        }
    }

    /** A job id from a path: a positive whole number. */
    public static long jobId(String text) {
        return Check.wholeNumber("jobId", text, 1, Long.MAX_VALUE);
    }

    /**
     * The revision an If-Match header names ({@code 3}, {@code "3"} or {@code W/"3"}); null when there is none.
     */
    public static Long expectedRevision(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return Check.wholeNumber("If-Match", value, 1, Long.MAX_VALUE);
    }
}
