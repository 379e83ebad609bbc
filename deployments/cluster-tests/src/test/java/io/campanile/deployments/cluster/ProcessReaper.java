package io.campanile.deployments.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills, when the test JVM exits, every process the tests started and did not stop, by its PID. A safety net
 * for aborted runs (Ctrl-C, a failsafe timeout): the tests themselves stop what they start.
 */
final class ProcessReaper {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::killAll, "campanile-it-reaper"));
    }

    private ProcessReaper() {}

    static void register(ProcessHandle process) {
        LIVE.add(process);
    }

    static void unregister(ProcessHandle process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        for (ProcessHandle process : LIVE) {
            if (process.isAlive()) {
                System.err.println("killing leftover test process " + process.pid());
                process.destroyForcibly();
            }
        }
    }
}
