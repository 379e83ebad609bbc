package io.campanile.cli;

import io.campanile.api.admin.AttemptView;
import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstanceEvent;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.protocol.LogLine;
import java.util.List;
import java.util.Map;

/** Instances as text: a page of them, one in full with its attempts and history, log lines. */
final class InstanceText {

    private InstanceText() {}

    static String table(List<InstanceView> instances) {
        Table table = new Table("ID", "JOB", "STATE", "ATTEMPT", "FIRE TIME", "TRIGGER", "WORKER", "RESULT");
        for (InstanceView instance : instances) {
            table.row(
                    instance.id(),
                    instance.jobName(),
                    instance.state(),
                    instance.attempt(),
                    instance.fireTime(),
                    instance.trigger(),
                    instance.workerId(),
                    instance.waitingReason() != null ? instance.waitingReason() : instance.result());
        }
        return table.isEmpty() ? "no instances\n" : table.render();
    }

    static String summary(InstanceView instance) {
        Map<String, Object> fields = Text.fields();
        fields.put("id", instance.id());
        fields.put("app", instance.appName());
        fields.put("job", instance.jobName() + " (" + instance.jobId() + ")");
        fields.put("state", instance.state());
        fields.put("attempt", instance.attempt());
        fields.put("trigger", instance.trigger());
        fields.put("fire time", instance.fireTime());
        fields.put("due", instance.dueAt());
        fields.put("worker", instance.workerId());
        fields.put("started", instance.startedAt());
        fields.put("finished", instance.finishedAt());
        fields.put("result", instance.result());
        if (instance.waitingReason() != null) {
            fields.put("waiting because", instance.waitingReason());
        }
        return Text.details(fields);
    }

    static String details(InstanceDetail detail) {
        StringBuilder text = new StringBuilder(summary(detail.instance()));
        if (!detail.earlierAttempts().isEmpty()) {
            Table attempts = new Table("ATTEMPT", "WORKER", "STARTED", "FINISHED", "OUTCOME", "RESULT");
            for (AttemptView attempt : detail.earlierAttempts()) {
                attempts.row(
                        attempt.attempt(),
                        attempt.workerId(),
                        attempt.startedAt(),
                        attempt.finishedAt(),
                        attempt.outcome(),
                        attempt.result());
            }
            text.append("\nEarlier attempts:\n").append(attempts.render());
        }
        Table history = new Table("AT", "ATTEMPT", "STATE", "CAUSE", "WORKER", "NOTE");
        for (InstanceEvent event : detail.history()) {
            history.row(event.at(), event.attempt(), event.state(), event.cause(), event.workerId(), event.note());
        }
        return text.append("\nHistory:\n").append(history.render()).toString();
    }

    /** {@code 2026-12-01T10:00:00.123Z INFO message}, the message's own line breaks kept. */
    static String logLine(LogLine line) {
        return line.at() + " " + line.level() + " " + line.message();
    }
}
