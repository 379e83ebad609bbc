package io.campanile.benchmark;

import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.client.CampanileAdminClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * How the benchmark creates Campanile's runs: through the admin API's run batches ({@code POST
 * .../jobs/{id}/runs}), {@value #BATCH} runs a request, each run with an idempotency key (so a batch retried
 * after a lost answer creates nothing twice) and, for the fire-lag runs, its exact instant ({@code at}).
 */
final class CampanileRuns {

    private static final int BATCH = 5_000;
    private static final int TRIES = 3;

    private final CampanileAdminClient admin;
    private final String app;
    private final long jobId;

    CampanileRuns(CampanileAdminClient admin, String app, long jobId) {
        this.admin = admin;
        this.app = app;
        this.jobId = jobId;
    }

    /** Runs due now; returns their instance ids in the order asked. */
    List<String> dueNow(int count) {
        return at(Collections.nCopies(count, Instant.EPOCH)); // an instant passed: due now
    }

    /** Runs at the given instants (an instant in the past: due now, with its fire time now). */
    List<String> at(List<Instant> instants) {
        List<String> created = new ArrayList<>(instants.size());
        for (int from = 0; from < instants.size(); from += BATCH) {
            List<RunRequest> runs = new ArrayList<>();
            for (Instant instant : instants.subList(from, Math.min(instants.size(), from + BATCH))) {
                String requestId = UUID.randomUUID().toString();
                runs.add(
                        instant.equals(Instant.EPOCH)
                                ? new RunRequest(null, null, requestId)
                                : RunRequest.at(instant, requestId));
            }
            send(new RunBatch(runs)).instanceIds().forEach(id -> created.add(Long.toString(id)));
        }
        return created;
    }

    private RunBatchAnswer send(RunBatch batch) {
        RuntimeException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                return admin.runJobBatch(app, jobId, batch);
            } catch (RuntimeException e) {
                last = e; // a timeout under load: the same request ids return the runs if they were created
            }
        }
        throw last;
    }
}
