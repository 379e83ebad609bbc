package io.campanile.worker.transport;

import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.StatusReport;
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

    void report(URI server, StatusReport report);

    /** Makes every poll in progress, and every later one, end at once with a {@link ServerCallException}. */
    void abortPolls();

    @Override
    void close();
}
