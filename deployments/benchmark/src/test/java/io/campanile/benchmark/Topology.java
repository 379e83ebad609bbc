package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shape of Campanile's cluster for {@link Scenario#CLUSTER_THROUGHPUT}: {@code servers} scheduler servers on
 * one database and {@code apps} business applications, each with a worker process of its own. Written
 * {@code 2x3} in {@code benchmark.cluster.topologies}, and {@code 2 servers x 3 apps} in the figures' names.
 */
record Topology(int servers, int apps) {

    private static final Pattern SETTING = Pattern.compile("(\\d+)\\s*[xX]\\s*(\\d+)");
    private static final Pattern LABEL = Pattern.compile("(\\d+) servers? x (\\d+) apps?");

    Topology {
        if (servers < 1 || apps < 1) {
            throw new IllegalArgumentException(
                    "a topology needs at least one server and one app, not " + servers + "x" + apps);
        }
    }

    /** {@code 2x3,3x3}: the topologies in the order given, each once. */
    static List<Topology> parseList(String text) {
        Set<Topology> topologies = new LinkedHashSet<>();
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Topology::parse)
                .forEach(topologies::add);
        if (topologies.isEmpty()) {
            throw new IllegalArgumentException("benchmark.cluster.topologies names no topology: '" + text + "'");
        }
        return List.copyOf(topologies);
    }

    /** {@code 2x3}: two servers, three apps. */
    static Topology parse(String text) {
        Matcher m = SETTING.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is no topology such as 2x3 (servers x apps)");
        }
        return new Topology(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The inverse of {@link #label()}: {@code 2 servers x 3 apps}; empty when {@code label} is none. */
    static Optional<Topology> ofLabel(String label) {
        Matcher m = LABEL.matcher(label);
        return m.matches()
                ? Optional.of(new Topology(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** How the figures name it: {@code 2 servers x 3 apps}. */
    String label() {
        return serversLabel(servers) + " x " + apps + (apps == 1 ? " app" : " apps");
    }

    /** How the peers' figures name their cluster of {@code servers} scheduler instances: {@code 2 servers}. */
    static String serversLabel(int servers) {
        return servers + (servers == 1 ? " server" : " servers");
    }

    /** The apps' names: {@code bench-1}, {@code bench-2}... */
    List<String> appNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= apps; i++) {
            names.add(String.format(Locale.ROOT, "bench-%d", i));
        }
        return names;
    }

    /**
     * {@code runs} split evenly over the apps, in the apps' order: each gets {@code runs / apps}, and the first
     * {@code runs % apps} one more, so that no two shares differ by more than one run.
     */
    List<Integer> shares(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("no negative backlog: " + runs);
        }
        List<Integer> shares = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            shares.add(runs / apps + (i < runs % apps ? 1 : 0));
        }
        return shares;
    }
}
