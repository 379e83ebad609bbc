package io.campanile.api;

/** Why the owner of an app changed. */
public enum OwnershipChangeReason {
    /** Nobody had owned the app yet. */
    FIRST_CLAIM,
    /** The recorded owner's lease (on database time) had expired. */
    LEASE_EXPIRED,
    /** The recorded owner answered the PING that it no longer owns the app. */
    OWNER_DISOWNED,
    /** The owner was shutting down and handed the app over. */
    HANDOFF
}
