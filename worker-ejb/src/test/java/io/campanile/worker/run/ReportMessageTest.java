package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportMessageTest {

    @Test
    void control_characters_and_lone_surrogates_become_question_marks() {
        assertThat(ReportMessage.of("\u001b[31mred\u001b[0m and\u0000nul")).isEqualTo("?[31mred?[0m and?nul");
        assertThat(ReportMessage.of("half \ud83d pair")).isEqualTo("half ? pair");
        assertThat(ReportMessage.of("\u007f\u0085")).isEqualTo("??");
    }

    @Test
    void tabs_line_breaks_and_whole_pairs_stay() {
        assertThat(ReportMessage.of("a\tb\r\nc \ud83d\ude00")).isEqualTo("a\tb\r\nc \ud83d\ude00");
        assertThat(ReportMessage.of(null)).isNull();
    }

    @Test
    void long_messages_are_cut() {
        assertThat(ReportMessage.of("x".repeat(5000)))
                .hasSize(ReportMessage.MAX_LENGTH)
                .endsWith("...");
    }
}
