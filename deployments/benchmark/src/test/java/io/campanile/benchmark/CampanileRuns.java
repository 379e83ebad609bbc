package io.campanile.benchmark;

import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunRequest;
import io.campanile.api.client.CampanileAdminClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How the benchmark creates Campanile's runs: today one run-now request per run through the admin API, sent
 * from {@value #PARALLEL} threads (each with an idempotency key, so that a retried request cannot create a
 * second run). The one place to switch to a bulk endpoint and to a run at an instant once the API has them.
 */
final class CampanileRuns {

    private static final int PARALLEL = 8;
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

    /**
     * Runs at the given instants. The API takes a delay in whole seconds from when the server receives the
     * request, so each run is due at the first whole second after its instant, counted from the request; the
     * processor records the instant the server scheduled.
     */
    List<String> at(List<Instant> instants) {
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (Instant instant : instants) {
                ids.add(senders.submit(() -> create(instant)));
            }
            List<String> created = new ArrayList<>();
            for (Future<String> id : ids) {
                created.add(id.get());
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating runs", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create a run: " + e.getCause(), e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    private String create(Instant instant) {
        String requestId = UUID.randomUUID().toString();
        RuntimeException last = null;
        for (int i = 0; i < TRIES; i++) {
            long delayMillis = Duration.between(Instant.now(), instant).toMillis();
            long delaySeconds = Math.max(0, (delayMillis + 999) / 1000);
            try {
                InstanceView instance = admin.runJob(app, jobId, new RunRequest(null, delaySeconds, requestId));
                return Long.toString(instance.id());
            } catch (RuntimeException e) {
                last = e; // a timeout under load: the same request id returns the run if it was created
            }
        }
        throw last;
    }
}
