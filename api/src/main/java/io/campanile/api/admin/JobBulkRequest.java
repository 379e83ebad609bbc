package io.campanile.api.admin;

import java.util.List;

/**
 * Pauses, resumes or deletes many jobs of an app at once, all or none: the jobs are named by id and/or by name (at
 * most 1,000 in all, a job named twice counts once).
 *
 * @param ids job ids (a deleted job may be named by id; it is left as it is when the action is DELETE)
 * @param names names of live jobs
 * @param note why the jobs are paused (PAUSE only; at most 1,000 characters)
 */
public record JobBulkRequest(JobBulkAction action, List<Long> ids, List<String> names, String note) {

    public static JobBulkRequest of(JobBulkAction action, List<String> names) {
        return new JobBulkRequest(action, null, names, null);
    }

    public static JobBulkRequest pause(List<String> names, String note) {
        return new JobBulkRequest(JobBulkAction.PAUSE, null, names, note);
    }
}
