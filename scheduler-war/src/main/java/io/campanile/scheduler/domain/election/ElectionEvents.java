package io.campanile.scheduler.domain.election;

import io.campanile.api.OwnershipChangeReason;

/** What the election tells an observer (the server's metrics): each won take-over and each failed renewal. */
public interface ElectionEvents {

    void tookOver(String appName, OwnershipChangeReason reason);

    /** The renewal statement failed: no lease was renewed this round. */
    void renewalFailed();

    ElectionEvents NONE = new ElectionEvents() {
        @Override
        public void tookOver(String appName, OwnershipChangeReason reason) {}

        @Override
        public void renewalFailed() {}
    };
}
