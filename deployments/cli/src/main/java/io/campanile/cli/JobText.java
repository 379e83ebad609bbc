package io.campanile.cli;

import io.campanile.api.admin.JobBulkAnswer;
import io.campanile.api.admin.JobImportAnswer;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.RetryDefinition;
import io.campanile.api.admin.RoutingDefinition;
import io.campanile.api.admin.RunBatchAnswer;
import io.campanile.api.admin.SchedulePreview;
import java.util.List;
import java.util.Map;

/** Jobs as text: the list, one job in full, its next fire times, what an import, a bulk change or runs did. */
final class JobText {

    private JobText() {}

    static String table(List<JobView> jobs) {
        Table table = new Table("ID", "NAME", "TYPE", "SCHEDULE", "ENABLED", "NEXT FIRE", "PROCESSOR");
        for (JobView job : jobs) {
            table.row(
                    job.id(),
                    job.name(),
                    job.scheduleType(),
                    schedule(job),
                    job.enabled() ? "yes" : "paused",
                    job.nextFireTime(),
                    job.processor());
        }
        return table.isEmpty() ? "no jobs\n" : table.render();
    }

    static String details(JobView job) {
        Map<String, Object> fields = Text.fields();
        fields.put("id", job.id());
        fields.put("app", job.appName());
        fields.put("name", job.name());
        fields.put("processor", job.processor());
        fields.put("type", job.scheduleType());
        fields.put("schedule", schedule(job));
        fields.put("time zone", job.timeZone());
        fields.put("parameters", job.parameters());
        fields.put("enabled", job.enabled() ? "yes" : "no (paused" + note(job.pausedNote()) + ")");
        fields.put("next fire", job.nextFireTime());
        fields.put(
                "window", job.startAt() == null && job.endAt() == null ? null : job.startAt() + " .. " + job.endAt());
        fields.put("misfire policy", job.misfirePolicy());
        fields.put("overlap policy", job.overlapPolicy() + " (max concurrent " + job.maxConcurrent() + ")");
        fields.put("retry", retry(job.retry()));
        fields.put("timeout", job.timeout());
        fields.put("routing", routing(job.routing()));
        fields.put("revision", job.revision());
        fields.put("created", job.createdAt());
        if (job.deletedAt() != null) {
            fields.put("deleted", job.deletedAt());
        }
        if (job.scheduleError() != null) {
            fields.put("schedule error", job.scheduleError());
        }
        if (job.warning() != null) {
            fields.put("warning", job.warning());
        }
        return Text.details(fields);
    }

    static String fires(SchedulePreview preview) {
        Table table = new Table("AT (UTC)", "LOCAL (" + preview.timeZone() + ")", "SKIPPED");
        for (SchedulePreview.PreviewedFire fire : preview.fires()) {
            table.row(fire.at(), fire.local(), fire.skipped());
        }
        return table.isEmpty() ? "no further fire times\n" : table.render();
    }

    /** What an import did: the counts, then each job by name. */
    static String imported(JobImportAnswer answer) {
        Table table = new Table("ID", "NAME", "CHANGE");
        answer.jobs().forEach(job -> table.row(job.id(), job.name(), job.change()));
        return "created " + answer.created() + ", updated " + answer.updated() + ", unchanged " + answer.unchanged()
                + ", deleted " + answer.deleted() + "\n" + (table.isEmpty() ? "" : table.render());
    }

    /** What a bulk change did: the counts, then each job by id. */
    static String bulk(JobBulkAnswer answer) {
        Table table = new Table("ID", "NAME", "CHANGE");
        answer.jobs().forEach(job -> table.row(job.id(), job.name(), job.change()));
        return answer.action() + ": changed " + answer.changed() + ", unchanged " + answer.unchanged() + "\n"
                + (table.isEmpty() ? "" : table.render());
    }

    /** What a batch of runs (or a backfill) did: the counts and the instances, in the batch's order. */
    static String runs(RunBatchAnswer answer) {
        return "created " + answer.created() + " runs (" + answer.existing() + " existed already): "
                + Text.value(answer.instanceIds()) + "\n";
    }

    /** The schedule in a few words: its CRON expression, its interval, its one instant. */
    static String schedule(JobView job) {
        if (job.scheduleType() == null) {
            return null;
        }
        return switch (job.scheduleType()) {
            case CRON -> job.cron();
            case FIXED_RATE, FIXED_DELAY -> "every " + job.interval();
            case ONE_OFF -> "at " + Text.value(job.runAt());
            case DAILY_TIME_INTERVAL -> "every " + job.interval() + " " + job.dayStart() + "-" + job.dayEnd()
                    + (job.daysOfWeek() == null ? "" : " " + Text.value(job.daysOfWeek()));
            case API -> "on request";
        };
    }

    private static String retry(RetryDefinition retry) {
        if (retry == null) {
            return null;
        }
        return retry.maxAttempts() + " attempts, backoff " + retry.backoff() + " up to " + retry.maxBackoff()
                + ", jitter " + retry.jitter() + (retry.within() == null ? "" : ", within " + retry.within());
    }

    private static String routing(RoutingDefinition routing) {
        if (routing == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(String.valueOf(routing.strategy()));
        append(text, "workers", routing.workers());
        append(text, "tags", routing.tags());
        append(text, "min free heap MiB", routing.minFreeHeapMb());
        append(text, "max CPU load", routing.maxCpuLoad());
        append(text, "min free disk MiB", routing.minFreeDiskMb());
        append(text, "max workers", routing.maxWorkers());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
            text.append(", ").append(name).append(' ').append(Text.value(value));
        }
    }

    private static String note(String note) {
        return note == null ? "" : ": " + note;
    }
}
