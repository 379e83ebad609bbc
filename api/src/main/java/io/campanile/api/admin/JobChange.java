package io.campanile.api.admin;

/** What a bulk change or an import did to one job. */
public enum JobChange {
    CREATED,
    UPDATED,
    PAUSED,
    RESUMED,
    DELETED,
    /** The job was already as asked (paused, enabled, deleted, or defined the same way): nothing was written. */
    UNCHANGED
}
