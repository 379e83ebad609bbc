package io.campanile.scheduler.application;

import static io.campanile.scheduler.testing.Heartbeats.aHeartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.protocol.WorkerHeartbeat;
import io.campanile.scheduler.domain.worker.WorkerSummary;
import io.campanile.scheduler.domain.worker.WorkerSummaryRepository;
import io.campanile.scheduler.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishWorkersTest {

    private final MutableClock monotonic = new MutableClock(Instant.ofEpochMilli(100_000));
    private final WorkerRegistry registry = new WorkerRegistry(monotonic);
    private final List<String> writes = new ArrayList<>();
    private final PublishWorkers publish = new PublishWorkers(
            registry,
            new WorkerSummaryRepository() {
                @Override
                public void publish(WorkerSummary summary, long epoch) {
                    writes.add(epoch + ":" + summary.liveWorkers() + ":"
                            + summary.processors().orElseThrow());
                }

                @Override
                public Optional<WorkerSummary> find(String appName) {
                    return Optional.empty();
                }
            },
            SchedulerSettings.defaults());

    @Test
    void a_new_owner_publishes_nothing_until_its_workers_had_time_to_heartbeat() {
        publish.publish("shop", 3, PublishWorkers.SETTLE_MILLIS - 1);

        assertThat(writes).isEmpty();
    }

    @Test
    void publishes_the_union_of_live_processors_and_again_only_when_it_changes() {
        registry.record("shop", heartbeat("w1", List.of("mail")));
        registry.record("shop", heartbeat("w2", List.of("audit", "mail")));

        publish.publish("shop", 3, PublishWorkers.SETTLE_MILLIS);
        publish.publish("shop", 3, PublishWorkers.SETTLE_MILLIS + 1000);
        monotonic.advanceMillis(
                // no other worker is heard meanwhile: lost after the larger number of heartbeats
                SchedulerSettings.defaults().missedHeartbeatsAlone() * 1000L
                        + SchedulerSettings.HEARTBEAT_ALLOWANCE_MILLIS);
        publish.publish("shop", 3, PublishWorkers.SETTLE_MILLIS + 20_000);
        publish.publish("shop", 4, PublishWorkers.SETTLE_MILLIS);

        assertThat(writes).containsExactly("3:2:[audit, mail]", "3:0:[]", "4:0:[]");
    }

    private static WorkerHeartbeat heartbeat(String workerId, List<String> processors) {
        return aHeartbeat(workerId)
                .heap(1000, 2000)
                .epochSeen(3)
                .processors(processors)
                .build();
    }
}
