package io.campanile.scheduler.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the server's loops (the tick and the dispatch loop) have started stepping and are not stopped: a server
 * whose loops never started fires and dispatches nothing, however well its endpoints answer.
 */
@ApplicationScoped
public class ServerLoops implements ReadinessCheck {

    public static final Set<String> LOOPS = Set.of("tick", "dispatch");

    private final Set<String> stepping = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** Called by a loop at each step: cheap (a set that already holds the name is not written). */
    public void stepped(String loop) {
        if (!stepping.contains(loop)) {
            stepping.add(loop);
        }
    }

    public void stopped() {
        stopped = true;
    }

    @Override
    public String name() {
        return "timerLoops";
    }

    @Override
    public Optional<String> problem() {
        if (stopped) {
            return Optional.of("the server is stopping: its loops stopped");
        }
        Set<String> missing = new TreeSet<>(LOOPS);
        missing.removeAll(stepping);
        return missing.isEmpty() ? Optional.empty() : Optional.of("not started yet: " + String.join(", ", missing));
    }
}
