package io.campanile.scheduler.testing;

import io.campanile.scheduler.application.WorkerRegistry;

/**
 * A worker of another app that heartbeats every second while a test's clock moves on: the server keeps hearing
 * workers, so a silent worker of the app under test is silent itself and is lost after its missed heartbeats.
 */
public final class Bystander {

    public static final String APP = "bystanders";

    private Bystander() {}

    /** Moves the clock on by {@code millis}, a bystander's heartbeat every second (and at the end). */
    public static void advanceHearing(MutableClock clock, WorkerRegistry registry, long millis) {
        long left = millis;
        while (left > 0) {
            long step = Math.min(1000, left);
            clock.advanceMillis(step);
            left -= step;
            registry.record(APP, Heartbeats.aHeartbeat("bystander").capacity(1).build());
        }
    }
}
