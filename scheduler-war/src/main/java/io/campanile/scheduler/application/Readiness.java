package io.campanile.scheduler.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether this server is ready: every {@link ReadinessCheck} passes. Each check runs on every call (a load balancer
 * asks every few seconds), and one that throws counts as failed rather than failing the answer.
 */
@ApplicationScoped
public class Readiness {

    /** {@code checks}: each check's name with {@code UP} or what is wrong. */
    public record Report(boolean ready, Map<String, String> checks) {}

    private List<ReadinessCheck> checks;

    protected Readiness() {}

    @Inject
    public Readiness(Instance<ReadinessCheck> checks) {
        this(checks.stream().toList());
    }

    public Readiness(List<ReadinessCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public Report check() {
        Map<String, String> results = new TreeMap<>();
        boolean ready = true;
        for (ReadinessCheck check : checks) {
            Optional<String> problem = problemOf(check);
            ready &= problem.isEmpty();
            results.put(check.name(), problem.orElse("UP"));
        }
        return new Report(ready, results);
    }

    private static Optional<String> problemOf(ReadinessCheck check) {
        try {
            return check.problem();
        } catch (RuntimeException e) {
            return Optional.of("the check failed: " + e.getClass().getSimpleName());
        }
    }
}
