package io.campanile.api.admin;

import java.util.List;

/**
 * The next fire times of a schedule, as the server computes them, without saving anything: what a console shows
 * beside a job being written.
 *
 * @param timeZone the zone the schedule's local times are read in
 * @param fires the next fire times, earliest first, with the times skipped on the way (a daylight-saving gap under
 *     the SKIP rule); fewer than asked for when the schedule ends, none for an API job
 */
public record SchedulePreview(String timeZone, List<PreviewedFire> fires) {

    /**
     * One fire time.
     *
     * @param at the instant, in UTC
     * @param local the local date and time it fires at in the job's zone, with the offset ({@code
     *     2026-03-29T03:00+02:00})
     * @param skipped why this time does not fire; null when it fires
     */
    public record PreviewedFire(java.time.Instant at, String local, String skipped) {}
}
