package io.campanile.deployments.cluster;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the cluster tests look for in a job's instances (an every-second job's, newest fire time first). */
final class Fires {

    private Fires() {}

    /** The oldest fire time of the newest run of {@code length} consecutive SUCCEEDED fires, if there is one. */
    static Optional<Instant> steadyRunStart(List<InstanceView> newestFirst, int length) {
        int run = 0;
        Instant previous = null;
        for (InstanceView instance : newestFirst) {
            boolean continues = previous != null && instance.fireTime().equals(previous.minusSeconds(1));
            run = instance.state() != InstanceState.SUCCEEDED ? 0 : continues ? run + 1 : 1;
            previous = instance.fireTime();
            if (run == length) {
                return Optional.of(instance.fireTime());
            }
        }
        return Optional.empty();
    }

    /** The time between each fire and the next, of fires oldest first. */
    static List<Duration> gaps(List<InstanceView> oldestFirst) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < oldestFirst.size(); i++) {
            gaps.add(Duration.between(
                    oldestFirst.get(i - 1).fireTime(), oldestFirst.get(i).fireTime()));
        }
        return gaps;
    }

    /** The earliest fire that SUCCEEDED under {@code epoch} or a later one. */
    static Optional<InstanceView> succeededUnder(long epoch, List<InstanceView> instances) {
        return instances.stream()
                .filter(instance -> instance.state() == InstanceState.SUCCEEDED)
                .filter(instance -> instance.epoch() != null && instance.epoch() >= epoch)
                .min(Comparator.comparing(InstanceView::fireTime));
    }
}
