package io.campanile.cli;

import io.campanile.api.client.CampanileAdminClient;

/**
 * A job as the user names it, by id or by name (a name cannot be digits only). Some endpoints of the client take
 * the id only: a name is looked up first.
 */
final class JobRef {

    private JobRef() {}

    static long id(CampanileAdminClient client, String app, String job) {
        return isId(job) ? Long.parseLong(job) : client.getJob(app, job).id();
    }

    static boolean isId(String job) {
        return !job.isEmpty() && job.length() <= 18 && job.chars().allMatch(Character::isDigit);
    }
}
