package io.campanile.deployments.cluster;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The books of a FIXED_DELAY job: its fires form one chain, each fire time at least the delay after the previous
 * fire ended (never two going at once), no fire time twice, and every fire before the end of the books ended with a
 * run or a recorded reason.
 */
final class FixedDelayChain {

    private FixedDelayChain() {}

    /** What is wrong with the job's fires up to {@code to}; empty when nothing is. */
    static List<String> problems(List<InstanceView> fires, Duration delay, Instant to) {
        List<InstanceView> chain = fires.stream()
                .filter(fire -> !fire.fireTime().isAfter(to))
                .sorted(Comparator.comparing(InstanceView::fireTime))
                .toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            InstanceView fire = chain.get(i);
            if (!fire.state().isTerminal()) {
                problems.add(
                        "fire " + fire.fireTime() + " (instance " + fire.id() + ") has not ended: " + fire.state());
            } else if (fire.state() != InstanceState.SUCCEEDED
                    && (fire.result() == null || fire.result().isBlank())) {
                problems.add("fire " + fire.fireTime() + " ended " + fire.state() + " without a reason");
            }
            if (i == 0) {
                continue;
            }
            InstanceView before = chain.get(i - 1);
            if (before.fireTime().equals(fire.fireTime())) {
                problems.add("fire time " + fire.fireTime() + " has two instances: " + before.id() + ", " + fire.id());
            } else if (before.finishedAt() == null) {
                problems.add("fire " + fire.fireTime() + " came while the fire before it had not ended");
            } else if (fire.fireTime().isBefore(before.finishedAt().plus(delay))) {
                problems.add("fire " + fire.fireTime() + " came less than " + delay + " after the fire before it ended"
                        + " at " + before.finishedAt());
            }
        }
        return problems;
    }
}
