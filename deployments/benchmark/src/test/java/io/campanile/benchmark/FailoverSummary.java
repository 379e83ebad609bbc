package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The summary's FAILOVER section: for each event the median and the max of the time from the event to the first
 * processor call under the new owner, against the target, then each repetition's time and the books of
 * the stream of runs. Campanile only: the peers have no owner to fail over.
 */
final class FailoverSummary {

    private FailoverSummary() {}

    static String markdown(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append("Campanile only: Quartz and db-scheduler have no owner to fail over (every node of theirs polls")
                .append(" the database), so they have no figure here. The time is the processor's start of the first")
                .append(" call dispatched under a newer epoch minus the instant the benchmark signalled the owner;")
                .append(" a repetition that did not fail over has no time.\n\n");
        out.append("| event | repetitions | failed over | median | max | target | median within target |")
                .append(" max within target |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        List<String> each = new ArrayList<>();
        for (FailoverEvent event : FailoverEvent.values()) {
            Optional<Figure> repetitions = find(figures, FailoverFigures.metric(event, FailoverFigures.REPETITIONS));
            if (repetitions.isEmpty()) {
                continue;
            }
            Optional<Figure> median = find(figures, FailoverFigures.metric(event, FailoverFigures.MEDIAN));
            Optional<Figure> max = find(figures, FailoverFigures.metric(event, FailoverFigures.MAX));
            long targetMillis = event.target().toMillis();
            out.append(row(List.of(
                    event.label(),
                    repetitions.get().formattedValue(),
                    find(figures, FailoverFigures.metric(event, FailoverFigures.FAILED_OVER))
                            .map(Figure::formattedValue)
                            .orElse("0"),
                    median.map(FailoverSummary::millis).orElse("—"),
                    max.map(FailoverSummary::millis).orElse("—"),
                    "≤ " + targetMillis + " ms",
                    verdict(median, targetMillis),
                    verdict(max, targetMillis))));
            String prefix = FailoverFigures.metric(event, FailoverFigures.REPETITION + " ");
            List<String> times = figures.stream()
                    .filter(f -> f.metric().startsWith(prefix))
                    .map(Figure::formattedValue)
                    .toList();
            each.add(event.label() + ": " + (times.isEmpty() ? "—" : String.join(", ", times)));
        }
        out.append("\nEach repetition, in ms, the first first: ")
                .append(String.join("; ", each))
                .append(".\n");
        out.append("\nThe stream of runs: ")
                .append(find(figures, "runs").map(Figure::formattedValue).orElse("—"))
                .append(" runs, ")
                .append(find(figures, "duplicates").map(Figure::formattedValue).orElse("—"))
                .append(" duplicates, ")
                .append(find(figures, "misses").map(Figure::formattedValue).orElse("—"))
                .append(" misses. Picture: `")
                .append(ResultsWriter.FAILOVER_PNG)
                .append("`.\n");
        return out.toString();
    }

    /** "yes" when the time is within the target, "NO" when it is not, "—" when nothing failed over. */
    static String verdict(Optional<Figure> time, long targetMillis) {
        return time.map(f -> f.value() <= targetMillis ? "yes" : "NO").orElse("—");
    }

    private static String millis(Figure figure) {
        return figure.formattedValue() + " ms";
    }

    private static Optional<Figure> find(List<Figure> figures, String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric)).findFirst();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
