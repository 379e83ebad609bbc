package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorNamesTest {

    static class AuditProcessor {}

    @Test
    void a_named_bean_is_known_by_its_name() {
        assertThat(ProcessorNames.nameOf("audit", AuditProcessor.class)).isEqualTo("audit");
    }

    @Test
    void an_unnamed_bean_is_known_by_its_class_simple_name() {
        assertThat(ProcessorNames.nameOf(null, AuditProcessor.class)).isEqualTo("AuditProcessor");
    }

    @Test
    void selects_the_one_candidate_with_the_name() {
        assertThat(ProcessorNames.select(List.of("hello", "audit"), "audit", s -> s))
                .contains("audit");
        assertThat(ProcessorNames.select(List.of("hello"), "audit", s -> s)).isEmpty();
    }

    @Test
    void refuses_an_ambiguous_name() {
        assertThatThrownBy(() -> ProcessorNames.select(List.of("a1", "a2"), "a", s -> s.substring(0, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 processors are named a");
    }
}
