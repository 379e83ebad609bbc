package io.campanile.api;

/**
 * What a schedule does with a local time its zone skips: the hour (or half hour) that does not exist when the
 * clocks move forward for daylight saving time.
 */
public enum GapRule {
    /** Fire at the first instant after the gap: 02:30 in a 02:00-03:00 gap fires at 03:00, the moment of the change. */
    FIRE_AFTER_GAP,
    /** Do not fire; the fire time is recorded as skipped, with the reason. */
    SKIP
}
