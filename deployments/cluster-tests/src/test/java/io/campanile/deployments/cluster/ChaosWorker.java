package io.campanile.deployments.cluster;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A worker application of the chaos soak (the demo WAR, for one app) that can be killed and started again; each
 * start is a new process with a new worker id ({@code <name>.<start>}), as a restarted business application
 * would have, and a log of its own.
 */
final class ChaosWorker implements AutoCloseable {

    private final String app;
    private final String name;
    private final BiFunction<String, String, PayaraProcess> launches;
    private PayaraProcess process;
    private int starts;
    private String workerId;

    /** @param launches the process (not started) for a process name and a worker id */
    ChaosWorker(String app, String name, BiFunction<String, String, PayaraProcess> launches) {
        this.app = app;
        this.name = name;
        this.launches = launches;
    }

    String app() {
        return app;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        starts++;
        workerId = name + "." + starts;
        process = launches.apply(name + "-" + starts, workerId).start();
    }

    /** Payara Micro logs this once its deployments are up (the demo has no health URL). */
    Duration awaitReady(Duration timeout) {
        return process().awaitLogLine(") ready in ", timeout);
    }

    synchronized PayaraProcess process() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process;
    }

    synchronized String workerId() {
        return workerId;
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public synchronized String toString() {
        return name + " (" + workerId + ") pid " + (process != null && process.isAlive() ? process.pid() : "-");
    }
}
