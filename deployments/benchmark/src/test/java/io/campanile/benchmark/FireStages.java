package io.campanile.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a scheduled fire's lag goes, stage by stage, from Campanile's {@code job_instance} rows and the processor's
 * records: the instance written ({@code created_at}, the owner's clock when it fired; negative when written ahead
 * of its fire time), claimed for the worker ({@code started_at}, the database's transaction start of the claim), and
 * the processor started (the worker's record). Each stage as milliseconds after the fire's scheduled instant, and
 * the last hop, claim to processor start (the claim's commit, the answer to the worker's poll, the hand-over to the
 * processor). All processes and the database run on one machine and read one clock.
 */
final class FireStages {

    static final String CREATED = "created";
    static final String CLAIMED = "claimed";
    static final String STARTED = "started";
    static final String CLAIM_TO_START = "claimed to started";

    /** One fire's stages, in ms after its scheduled instant (and the last hop). */
    record Stages(double created, double claimed, double started) {

        double claimToStart() {
            return started - claimed;
        }
    }

    private FireStages() {}

    /** The stages of each first call whose instance has a row with a claim, read from {@code connection}. */
    static List<Stages> read(Connection connection, List<Execution> firstCalls) {
        Map<Long, Execution> byInstance = new HashMap<>();
        for (Execution call : firstCalls) {
            byInstance.put(Long.parseLong(call.key()), call);
        }
        List<Stages> stages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, fire_time, created_at, started_at FROM job_instance WHERE id = ANY (?)")) {
            Array ids = connection.createArrayOf("bigint", byInstance.keySet().toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Execution call = byInstance.get(rows.getLong(1));
                    OffsetDateTime claimed = rows.getObject(4, OffsetDateTime.class);
                    if (claimed == null) {
                        continue; // ended or released since: no claim to read
                    }
                    Instant fire = rows.getObject(2, OffsetDateTime.class).toInstant();
                    stages.add(new Stages(
                            millis(fire, rows.getObject(3, OffsetDateTime.class).toInstant()),
                            millis(fire, claimed.toInstant()),
                            millis(call.scheduled(), call.started())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the instances' stages: " + e.getMessage(), e);
        }
        return stages;
    }

    /** p50 and p99 of each stage, in the order of the path. */
    static Map<String, double[]> percentiles(List<Stages> stages) {
        Map<String, double[]> figures = new LinkedHashMap<>();
        if (stages.isEmpty()) {
            return figures;
        }
        figures.put(CREATED, p50p99(stages.stream().map(Stages::created).toList()));
        figures.put(CLAIMED, p50p99(stages.stream().map(Stages::claimed).toList()));
        figures.put(STARTED, p50p99(stages.stream().map(Stages::started).toList()));
        figures.put(
                CLAIM_TO_START, p50p99(stages.stream().map(Stages::claimToStart).toList()));
        return figures;
    }

    /** The figures of {@link #percentiles}: {@code stage <name> p50} and {@code p99}, in ms. */
    static List<Figure> figures(Scenario scenario, List<Stages> stages) {
        List<Figure> figures = new ArrayList<>();
        percentiles(stages).forEach((stage, p) -> {
            figures.add(new Figure(scenario, Summary.CAMPANILE, "stage " + stage + " p50", p[0], "ms", stages.size()));
            figures.add(new Figure(scenario, Summary.CAMPANILE, "stage " + stage + " p99", p[1], "ms", stages.size()));
        });
        return figures;
    }

    /** One line: each stage's p50/p99. */
    static String line(List<Stages> stages) {
        List<String> parts = new ArrayList<>();
        percentiles(stages)
                .forEach((stage, p) -> parts.add(String.format(Locale.ROOT, "%s %.1f/%.1f", stage, p[0], p[1])));
        return "stages after the fire time, p50/p99 ms (" + stages.size() + " fires): " + String.join(", ", parts);
    }

    private static double[] p50p99(List<Double> values) {
        Percentiles percentiles = new Percentiles(values);
        return new double[] {percentiles.at(50), percentiles.at(99)};
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
