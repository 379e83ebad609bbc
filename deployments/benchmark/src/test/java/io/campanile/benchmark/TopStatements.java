package io.campanile.benchmark;

import io.campanile.benchmark.DatabaseStats.StatementCalls;
import java.util.List;
import java.util.Locale;

/** The summary's table of a scheduler's most called statements, as calls per unit of work (a run, a second). */
final class TopStatements {

    private TopStatements() {}

    static String table(List<StatementCalls> top, double per, String unit) {
        if (top.isEmpty()) {
            return "pg_stat_statements is not loaded: no statements counted.\n";
        }
        StringBuilder out =
                new StringBuilder("| calls " + unit + " | calls | statement (shortened) |\n|---|---|---|\n");
        for (StatementCalls statement : top) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %.2f | %d | `%s` |\n",
                    statement.calls() / per,
                    statement.calls(),
                    statement.text().replace("|", "\\|").replace("`", "'")));
        }
        return out.toString();
    }
}
