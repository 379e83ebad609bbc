package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.instance.JobInstance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Inserts many instances in a few statements: ids come from {@code job_instance_seq} in blocks (each value of
 * the sequence is the top of a block of {@link #BLOCK} ids, as JPA uses it), and rows go in multi-row
 * {@code INSERT}s of up to {@link #ROWS_PER_STATEMENT} rows. 10,000 runs are about 20 statements.
 */
final class InstanceInserts {

    /** The sequence's increment and the entity's allocation size. */
    static final int BLOCK = 50;

    private static final int ROWS_PER_STATEMENT = 500;
    private static final String COLUMNS = "id, job_id, app_name, fire_key, trigger_type, fire_time, parameters, "
            + "state, attempt, epoch, owner_id, created_at";
    private static final int PARAMETERS_PER_ROW = 12;

    private final EntityManager em;
    private final Dialect dialect;

    InstanceInserts(EntityManager em, Dialect dialect) {
        this.em = em;
        this.dialect = dialect;
    }

    void insert(List<JobInstance> instances) {
        if (instances.isEmpty()) {
            return;
        }
        List<Long> ids = ids(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).identify(ids.get(i));
        }
        for (int from = 0; from < instances.size(); from += ROWS_PER_STATEMENT) {
            insertRows(instances.subList(from, Math.min(instances.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    private List<Long> ids(int count) {
        int blocks = (count + BLOCK - 1) / BLOCK;
        List<?> tops = em.createNativeQuery(dialect.sequenceValues("job_instance_seq", "?1"))
                .setParameter(1, blocks)
                .getResultList();
        List<Long> ids = new ArrayList<>(blocks * BLOCK);
        for (Object top : tops) {
            long last = Rows.number(top);
            for (long id = last - BLOCK + 1; id <= last; id++) {
                ids.add(id);
            }
        }
        if (ids.size() < count) {
            throw new IllegalStateException("job_instance_seq gave " + tops.size() + " blocks, " + blocks + " wanted");
        }
        return ids;
    }

    private void insertRows(List<JobInstance> rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int r = 0; r < rows.size(); r++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (int c = 1; c <= PARAMETERS_PER_ROW; c++) {
                row.add("?" + (r * PARAMETERS_PER_ROW + c));
            }
            values.add(row.toString());
        }
        Query insert = em.createNativeQuery("INSERT INTO job_instance (" + COLUMNS + ") VALUES " + values);
        int p = 1;
        for (JobInstance i : rows) {
            insert.setParameter(p++, i.id());
            insert.setParameter(p++, i.jobId());
            insert.setParameter(p++, i.appName());
            insert.setParameter(p++, i.fireKey());
            insert.setParameter(p++, i.trigger().name());
            insert.setParameter(p++, i.fireTime().atOffset(ZoneOffset.UTC));
            insert.setParameter(p++, i.parameters());
            insert.setParameter(p++, i.state().name());
            insert.setParameter(p++, i.attempt());
            insert.setParameter(p++, i.epoch());
            insert.setParameter(p++, i.ownerId());
            insert.setParameter(p++, i.createdAt().atOffset(ZoneOffset.UTC));
        }
        int inserted = insert.executeUpdate();
        if (inserted != rows.size()) {
            throw new IllegalStateException("inserted " + inserted + " instances instead of " + rows.size());
        }
    }
}
