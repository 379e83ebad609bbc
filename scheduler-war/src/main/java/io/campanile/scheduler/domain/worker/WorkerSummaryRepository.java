package io.campanile.scheduler.domain.worker;

import java.util.Optional;

/** Where owners publish what they see of their apps' workers, for every server to read. */
public interface WorkerSummaryRepository {

    /** Records the summary unless an owner with a newer epoch has already published one. */
    void publish(WorkerSummary summary, long epoch);

    Optional<WorkerSummary> find(String appName);
}
