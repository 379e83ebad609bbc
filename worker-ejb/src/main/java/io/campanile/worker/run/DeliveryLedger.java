package io.campanile.worker.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which (instance, attempt) pairs this worker has already taken, so a pair delivered twice (a
 * repeated poll answer, two owners during a handover) runs once. Bounded: the oldest pairs are forgotten,
 * long after their run has ended.
 */
public final class DeliveryLedger {

    private record Delivery(long instanceId, int attempt) {}

    private final Map<Delivery, Boolean> seen;

    public DeliveryLedger(int remembered) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Delivery, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** True the first time a pair is offered, false every later time. */
    public synchronized boolean firstDelivery(long instanceId, int attempt) {
        return seen.putIfAbsent(new Delivery(instanceId, attempt), Boolean.TRUE) == null;
    }
}
