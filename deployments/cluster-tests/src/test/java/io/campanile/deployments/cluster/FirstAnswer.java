package io.campanile.deployments.cluster;

import io.campanile.api.client.CampanileAdminClient;
import java.util.List;
import java.util.function.Function;

/** Asks the admin API of a test cluster's servers in turn until one answers: some may be down or cut off. */
final class FirstAnswer {

    private FirstAnswer() {}

    static <T> T of(List<CampanileAdminClient> admins, Function<CampanileAdminClient, T> call) {
        RuntimeException failure = new IllegalStateException("no scheduler server is running");
        for (CampanileAdminClient admin : admins) {
            try {
                return call.apply(admin);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure;
    }
}
