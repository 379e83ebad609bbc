package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

@ApplicationScoped
@Transactional
public class JpaWorkerSummaryRepository implements WorkerSummaryRepository {

    /** The processors column's size: a longer list is stored as unknown. */
    static final int MAX_PROCESSORS_TEXT = 20_000;

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaWorkerSummaryRepository() {}

    public JpaWorkerSummaryRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void publish(WorkerSummary summary, long epoch) {
        String processors = summary.processors()
                .map(names -> String.join("\n", names))
                .filter(text -> text.length() <= MAX_PROCESSORS_TEXT)
                .orElse(null);
        // a deposed owner (older epoch) must not overwrite what the current owner published
        int count = em.createNativeQuery("UPDATE app_workers SET epoch = ?1, live_workers = ?2, processors = ?3, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE app_name = ?4 AND epoch <= ?1")
                .setParameter(1, epoch)
                .setParameter(2, summary.liveWorkers())
                .setParameter(3, processors)
                .setParameter(4, summary.appName())
                .executeUpdate();
        if (!Rows.singleRow(count, "worker summary of app " + summary.appName())
                && find(summary.appName()).isEmpty()) {
            em.createNativeQuery("INSERT INTO app_workers (app_name, epoch, live_workers, processors, updated_at) "
                            + "VALUES (?1, ?2, ?3, ?4, CURRENT_TIMESTAMP)")
                    .setParameter(1, summary.appName())
                    .setParameter(2, epoch)
                    .setParameter(3, summary.liveWorkers())
                    .setParameter(4, processors)
                    .executeUpdate();
        }
    }

    @Override
    public Optional<WorkerSummary> find(String appName) {
        List<?> rows = em.createNativeQuery("SELECT live_workers, processors FROM app_workers WHERE app_name = ?1")
                .setParameter(1, appName)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .findFirst()
                .map(r ->
                        WorkerSummary.of(appName, (int) Rows.number(r[0]), r[1] == null ? null : names((String) r[1])));
    }

    private static TreeSet<String> names(String lines) {
        return lines.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(lines.split("\n", -1)));
    }
}
