package io.campanile.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campanile.api.ScheduleType;
import io.campanile.api.admin.JobDefinition;
import org.junit.jupiter.api.Test;

class JobDefinitionFileTest {

    @Test
    void reads_a_definition_with_any_json_value_as_parameters() {
        JobDefinition definition = JobDefinitionFile.parse(
                """
                {"name":"n","processor":"p","scheduleType":"FIXED_RATE","interval":"PT5S","parameters":[1,2]}""",
                "f");

        assertThat(definition.scheduleType()).isEqualTo(ScheduleType.FIXED_RATE);
        assertThat(definition.interval()).isEqualTo("PT5S");
        assertThat(definition.parameters()).isEqualTo("[1,2]");
    }

    @Test
    void keeps_string_parameters_as_they_are() {
        assertThat(JobDefinitionFile.parse("{\"parameters\":\"day=3\"}", "f").parameters())
                .isEqualTo("day=3");
    }

    @Test
    void refuses_unknown_fields_by_name_and_what_is_not_an_object() {
        assertThatThrownBy(() -> JobDefinitionFile.parse("{\"name\":\"n\",\"cronn\":\"x\"}", "job.json"))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("job.json: unknown field(s) [cronn]");
        assertThatThrownBy(() -> JobDefinitionFile.parse("[1]", "job.json"))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("not one JSON object");
        assertThatThrownBy(() -> JobDefinitionFile.parse("{\"scheduleType\":\"WEEKLY\"}", "job.json"))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("not a job definition");
    }
}
