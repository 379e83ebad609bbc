package io.campanile.worker.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which (instance, attempt, epoch) deliveries this worker has already taken, so one delivered twice (a
 * repeated poll answer) is claimed and run once. The epoch is part of the key: after a change of owner the new
 * owner hands out again, under its newer epoch, the attempts nobody claimed, and those must be claimed again.
 * Bounded: the oldest deliveries are forgotten, long after their run has ended.
 */
public final class DeliveryLedger {

    private record Delivery(long instanceId, int attempt, long epoch) {}

    private final Map<Delivery, Boolean> seen;

    public DeliveryLedger(int remembered) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Delivery, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** True the first time a delivery is offered, false every later time. */
    public synchronized boolean firstDelivery(long instanceId, int attempt, long epoch) {
        return seen.putIfAbsent(new Delivery(instanceId, attempt, epoch), Boolean.TRUE) == null;
    }
}
