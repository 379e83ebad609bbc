package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Markdown summary: the notes, then one table per scenario with a row per metric, a column per scheduler
 * and the ratio Campanile/peer for every peer; FAILOVER, Campanile's alone, has its targets instead
 * ({@link FailoverSummary}), CLUSTER_THROUGHPUT a row per topology ({@link ClusterThroughputSummary}).
 */
public final class Summary {

    public static final String CAMPANILE = "campanile";

    private Summary() {}

    public static String markdown(String title, List<String> notes, List<Figure> figures) {
        return markdown(title, notes, figures, Map.of());
    }

    /** As above, then each of {@code sections} (title to Markdown) under a heading of its own. */
    public static String markdown(
            String title, List<String> notes, List<Figure> figures, Map<String, String> sections) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        for (Scenario scenario : Scenario.values()) {
            List<Figure> ofScenario =
                    figures.stream().filter(f -> f.scenario() == scenario).toList();
            if (!ofScenario.isEmpty()) {
                out.append("\n## ").append(scenario).append("\n\n");
                out.append(
                        switch (scenario) {
                            case FAILOVER -> FailoverSummary.markdown(ofScenario);
                            case CLUSTER_THROUGHPUT -> ClusterThroughputSummary.markdown(ofScenario);
                            default -> table(ofScenario);
                        });
            }
        }
        sections.forEach((heading, markdown) ->
                out.append("\n## ").append(heading).append("\n\n").append(markdown));
        return out.toString();
    }

    private static String table(List<Figure> figures) {
        Set<String> schedulers = new LinkedHashSet<>();
        if (figures.stream().anyMatch(f -> f.scheduler().equals(CAMPANILE))) {
            schedulers.add(CAMPANILE);
        }
        figures.forEach(f -> schedulers.add(f.scheduler()));
        List<String> peers =
                schedulers.stream().filter(s -> !s.equals(CAMPANILE)).toList();
        boolean ratios = schedulers.contains(CAMPANILE);

        Map<String, String> units = new LinkedHashMap<>();
        figures.forEach(f -> units.putIfAbsent(f.metric(), f.unit()));

        List<String> header = new ArrayList<>(List.of("metric", "unit"));
        header.addAll(schedulers);
        if (ratios) {
            peers.forEach(peer -> header.add(CAMPANILE + "/" + peer));
        }
        StringBuilder out = new StringBuilder(row(header));
        out.append(row(header.stream().map(h -> "---").toList()));
        units.forEach((metric, unit) -> {
            List<String> cells = new ArrayList<>(List.of(metric, unit));
            schedulers.forEach(s -> cells.add(
                    find(figures, s, metric).map(Figure::formattedValue).orElse("—")));
            if (ratios) {
                peers.forEach(peer -> cells.add(ratio(find(figures, CAMPANILE, metric), find(figures, peer, metric))));
            }
            out.append(row(cells));
        });
        return out.toString();
    }

    private static Optional<Figure> find(List<Figure> figures, String scheduler, String metric) {
        return figures.stream()
                .filter(f -> f.scheduler().equals(scheduler) && f.metric().equals(metric))
                .findFirst();
    }

    /** Campanile's value over the peer's, {@code 0.80×}; a dash when either is missing or the peer's is zero. */
    static String ratio(Optional<Figure> campanile, Optional<Figure> peer) {
        if (campanile.isEmpty() || peer.isEmpty() || peer.get().value() == 0) {
            return "—";
        }
        return String.format(
                Locale.ROOT, "%.2f×", campanile.get().value() / peer.get().value());
    }

    static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
