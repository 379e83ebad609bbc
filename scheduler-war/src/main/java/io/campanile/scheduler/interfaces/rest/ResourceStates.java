package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppView;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.TokenView;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.EditJobs;
import io.campanile.scheduler.application.JobRef;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.application.ManageTokens;
import io.campanile.scheduler.application.ReadInstances;
import io.campanile.scheduler.application.RequestRejected;
import io.campanile.scheduler.domain.access.RequestTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The state of an admin request's target as the API shows it (a {@link JobView}, {@link AppView},
 * {@link InstanceView} or {@link TokenView}, never a secret), read before a change for the audit log.
 */
@ApplicationScoped
class ResourceStates {

    @Inject
    ManageApps apps;

    @Inject
    EditJobs jobs;

    @Inject
    ReadInstances instances;

    @Inject
    ManageTokens tokens;

    /** The target's view; null when the path names none, it does not exist, or its kind has no view. */
    Object of(RequestTarget target) {
        if (target.kind() == null || target.id() == null) {
            return null;
        }
        try {
            return switch (target.kind()) {
                case RequestTarget.JOB -> jobs.get(target.app(), JobRef.parse(target.id()));
                case RequestTarget.INSTANCE -> instances
                        .detail(target.app(), Check.wholeNumber("instanceId", target.id(), 1, Long.MAX_VALUE))
                        .instance();
                case RequestTarget.APP -> apps.list().stream()
                        .filter(a -> a.name().equals(target.id()))
                        .findFirst()
                        .orElse(null);
                case RequestTarget.TOKEN -> tokens.get(target.id());
                default -> null;
            };
        } catch (RequestRejected e) {
            return null; // the request itself will be refused as it deserves
        }
    }

    /** Whether {@code view} is a state of a target of this kind (a run's instance is not its job's state). */
    static boolean isStateOf(String kind, Object view) {
        if (kind == null) {
            return false;
        }
        return switch (kind) {
            case RequestTarget.JOB -> view instanceof JobView;
            case RequestTarget.INSTANCE -> view instanceof InstanceView;
            case RequestTarget.APP -> view instanceof AppView;
            case RequestTarget.TOKEN -> view instanceof TokenView;
            default -> false;
        };
    }
}
