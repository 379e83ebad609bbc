package io.campanile.worker.transport;

import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.LogAnswer;
import io.campanile.api.protocol.LogBatch;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import java.net.URI;

/**
 * The worker protocol of one app, against any server named by its base URL. Every method throws
 * {@link ServerCallException} unless the server answered with success.
 */
public interface ServerApi extends AutoCloseable {

    DiscoveryAnswer discover(URI server);

    HeartbeatAnswer heartbeat(URI server, WorkerHeartbeat heartbeat);

    /** Long-poll: blocks until the server answers (up to its hold time) or {@link #abortPolls()}. */
    PollAnswer poll(URI server, PollRequest request);

    /** Claims the attempts of one poll answer ({@code POST api/worker/claims}); any server takes claims. */
    ClaimAnswer claim(URI server, ClaimRequest request);

    /** Reports how claimed attempts ended ({@code POST api/worker/reports}); any server takes reports. */
    ReportAnswer report(URI server, ReportBatch batch);

    /** Sends run log lines ({@code POST api/worker/logs}); any server stores them. */
    LogAnswer logs(URI server, LogBatch batch);

    /** Makes every poll in progress, and every later one, end at once with a {@link ServerCallException}. */
    void abortPolls();

    @Override
    void close();
}
