package io.campanile.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.worker.run.ProcessorLookup;
import io.campanile.worker.run.ResolvedProcessor;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessorNamesReportedTest {

    @Test
    void names_within_the_servers_limits_are_reported() {
        assertThat(Worker.processorNames(lookup(List.of("hello", "audit")))).containsExactly("hello", "audit");
        assertThat(Worker.processorNames(lookup(List.of()))).isEmpty();
    }

    @Test
    void names_the_server_would_refuse_are_not_named_at_all_rather_than_failing_every_heartbeat() {
        assertThat(Worker.processorNames(lookup(Collections.nCopies(Worker.MAX_REPORTED_PROCESSORS + 1, "p"))))
                .isNull();
        assertThat(Worker.processorNames(lookup(List.of("ok", "p".repeat(Worker.MAX_PROCESSOR_NAME + 1)))))
                .isNull();
    }

    @Test
    void a_lookup_that_fails_names_none_rather_than_claiming_there_are_none() {
        ProcessorLookup failing = new ProcessorLookup() {
            @Override
            public Optional<ResolvedProcessor> resolve(String name) {
                return Optional.empty();
            }

            @Override
            public List<String> names() {
                throw new IllegalStateException("no bean manager");
            }
        };

        assertThat(Worker.processorNames(failing)).isNull();
    }

    private static ProcessorLookup lookup(List<String> names) {
        return new ProcessorLookup() {
            @Override
            public Optional<ResolvedProcessor> resolve(String name) {
                return Optional.empty();
            }

            @Override
            public List<String> names() {
                return names;
            }
        };
    }
}
