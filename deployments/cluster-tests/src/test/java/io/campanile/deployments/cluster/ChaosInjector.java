package io.campanile.deployments.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Applies a planned {@link ChaosFault} to the chaos cluster and waits until it is over: a killed or restarted
 * process is up again, a frozen server continued, a vanished one back, PostgreSQL started again, a wall clock back
 * at real time. A freeze, a black hole, a PostgreSQL stop and a clock step are undone also when waiting fails; a
 * process that does not come back within the start time-out fails the soak.
 */
final class ChaosInjector {

    private static final Duration GRACEFUL_EXIT = Duration.ofSeconds(30);

    private final ChaosCluster cluster;

    ChaosInjector(ChaosCluster cluster) {
        this.cluster = cluster;
    }

    ChaosFaultWindow inject(int number, ChaosFault fault) {
        ChaosServer server = fault.kind().targetsServer() ? server(fault) : null;
        String target =
                switch (fault.kind()) {
                    case KILL_WORKER, STOP_WORKER -> cluster.workers()
                            .get(fault.target())
                            .name();
                    case RESTART_POSTGRES -> "postgres";
                    default -> server.name()
                            + (fault.atOwner() ? " (owner of " + cluster.apps().get(fault.target()) + ")" : "");
                };
        Instant start = Instant.now();
        String note = apply(fault, server);
        Instant end = Instant.now();
        return new ChaosFaultWindow(
                number, fault, target, server != null ? server.serverIds() : Set.of(), start, end, note);
    }

    /** The server the fault hits: the planned one, or the app's owner now (any server if it has none). */
    private ChaosServer server(ChaosFault fault) {
        if (!fault.atOwner()) {
            return cluster.servers().get(fault.target());
        }
        return cluster.ownerOf(cluster.apps().get(fault.target()))
                .orElse(cluster.servers().get(fault.target() % cluster.servers().size()));
    }

    private String apply(ChaosFault fault, ChaosServer server) {
        return switch (fault.kind()) {
            case KILL_SERVER -> killServer(server, fault.hold());
            case RESTART_SERVER -> restartServer(server);
            case KILL_WORKER -> killWorker(cluster.workers().get(fault.target()), fault.hold());
            case STOP_WORKER -> stopWorker(cluster.workers().get(fault.target()), fault.hold());
            case FREEZE_SERVER -> freeze(server, fault.hold());
            case BLACKHOLE_SERVER -> blackhole(server, fault.hold());
            case RESTART_POSTGRES -> restartPostgres(fault.hold());
            case STEP_CLOCK -> stepClock(server, fault);
        };
    }

    private String killServer(ChaosServer server, Duration down) {
        long pid = server.process().pid();
        server.process().kill9();
        cluster.discardRootOf(server.process());
        Poll.pause(down);
        return "killed pid " + pid + "; " + startAgain(server);
    }

    private String restartServer(ChaosServer server) {
        long pid = server.process().pid();
        long stopping = System.nanoTime();
        server.process().terminate();
        boolean exited = server.process().awaitExit(GRACEFUL_EXIT);
        if (!exited) {
            server.process().kill9();
        }
        cluster.discardRootOf(server.process());
        return "pid " + pid
                + (exited
                        ? " exited " + Poll.millisSince(stopping) + " ms after SIGTERM"
                        : " killed after " + GRACEFUL_EXIT.toSeconds() + " s of SIGTERM")
                + "; " + startAgain(server);
    }

    private String startAgain(ChaosServer server) {
        server.start();
        Duration took = server.awaitReady(cluster.startTimeout());
        return "new pid " + server.process().pid() + " ready after " + took.toMillis() + " ms";
    }

    private String killWorker(ChaosWorker worker, Duration down) {
        String old = worker.workerId();
        worker.process().kill9();
        cluster.discardRootOf(worker.process());
        Poll.pause(down);
        worker.start();
        Duration took = worker.awaitReady(cluster.startTimeout());
        return "killed " + old + "; " + worker.workerId() + " ready after " + took.toMillis() + " ms";
    }

    private String stopWorker(ChaosWorker worker, Duration down) {
        String old = worker.workerId();
        long stopping = System.nanoTime();
        worker.process().terminate();
        boolean exited = worker.process().awaitExit(GRACEFUL_EXIT);
        if (!exited) {
            worker.process().kill9();
        }
        long stopMillis = Poll.millisSince(stopping);
        cluster.discardRootOf(worker.process());
        Poll.pause(down);
        worker.start();
        Duration took = worker.awaitReady(cluster.startTimeout());
        return old
                + (exited
                        ? " exited " + stopMillis + " ms after SIGTERM"
                        : " killed after " + GRACEFUL_EXIT.toSeconds() + " s of SIGTERM")
                + "; " + worker.workerId() + " ready after " + took.toMillis() + " ms";
    }

    private String freeze(ChaosServer server, Duration hold) {
        server.process().suspend();
        try {
            Poll.pause(hold);
        } finally {
            server.process().resume();
        }
        return "";
    }

    private String blackhole(ChaosServer server, Duration hold) {
        server.vanish();
        try {
            Poll.pause(hold);
        } finally {
            server.reappear();
        }
        return "";
    }

    private String restartPostgres(Duration down) {
        cluster.postgres().stopServer();
        try {
            Poll.pause(down);
        } finally {
            cluster.postgres().startServer();
        }
        return "";
    }

    private String stepClock(ChaosServer server, ChaosFault fault) {
        WallClock clock = server.wallClock();
        try {
            clock.offsetSeconds(-fault.clockBackSeconds());
            Poll.pause(fault.hold());
            clock.offsetSeconds(fault.clockForwardSeconds());
            Poll.pause(fault.hold());
        } finally {
            clock.offsetSeconds(0);
        }
        // libfaketime re-reads the file at most every second: the step back to real time is in force after that
        Poll.pause(Duration.ofSeconds(1));
        return "";
    }
}
