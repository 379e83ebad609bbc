package io.campanile.api.admin;

/** What a bulk request does to each job it names: as {@code .../pause}, {@code .../resume} and {@code DELETE}. */
public enum JobBulkAction {
    PAUSE,
    RESUME,
    DELETE
}
