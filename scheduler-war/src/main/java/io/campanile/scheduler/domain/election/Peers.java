package io.campanile.scheduler.domain.election;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.admin.WorkerView;
import io.campanile.api.protocol.Handoff;
import java.util.List;
import java.util.Optional;

/** What a server asks of other servers. */
public interface Peers {

    /** Whether the peer owns the app; empty when it could not be reached in time. */
    Optional<PingAnswer> ping(String peerUrl, String appName);

    /** Asks the peer to take over the apps; the apps it took, empty if it could not be reached. */
    List<String> handOff(String peerUrl, Handoff handoff);

    /**
     * Asks the owner of an app to create a requested run; the owner's answer, or empty when it could
     * not be reached or no longer owns the app.
     */
    Optional<InstanceView> forwardRun(String ownerUrl, String appName, long jobId, RunRequest request);

    /** Forwards a batch of runs to the owner; empty if it could not be reached or refused. */
    Optional<RunBatchAnswer> forwardRunBatch(String ownerUrl, String appName, long jobId, RunBatch batch);

    /** Asks the owner for the app's workers; empty when it did not answer with them. */
    Optional<List<WorkerView>> listWorkers(String ownerUrl, String appName);

    record PingAnswer(String serverId, boolean owner, long epoch) {}
}
