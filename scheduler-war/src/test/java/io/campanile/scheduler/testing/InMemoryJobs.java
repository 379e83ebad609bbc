package io.campanile.scheduler.testing;

import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The jobs a dispatch test sets up, by app and id. What these tests never call throws. */
public final class InMemoryJobs implements JobRepository {

    private final List<Job> all = new ArrayList<>();

    @Override
    public void add(Job job) {
        all.add(job);
    }

    @Override
    public Optional<Job> find(String appName, long jobId) {
        return all.stream()
                .filter(j -> j.appName().equals(appName) && j.id() == jobId)
                .findFirst();
    }

    @Override
    public Optional<Job> findForChange(String appName, long jobId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Job> findByName(String appName, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean existsByName(String appName, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Job> findByApp(String appName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Instant> earliestNextFire(String appName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Instant> earliestNextFires(Collection<String> appNames) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Job> findDue(String appName, Instant now, int limit) {
        throw new UnsupportedOperationException();
    }
}
