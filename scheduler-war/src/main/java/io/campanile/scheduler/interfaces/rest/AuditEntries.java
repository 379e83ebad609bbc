package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppView;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.JobView;
import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenView;
import io.campanile.scheduler.application.RecordAudit;
import io.campanile.scheduler.domain.access.Access;
import io.campanile.scheduler.domain.access.AuditRecord;
import io.campanile.scheduler.domain.access.Principal;
import io.campanile.scheduler.domain.access.RequestTarget;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes and writes the audit entries of admin requests ({@link AuditRecorder} for changes, {@link CredentialsFilter}
 * for refusals). The entry is written in its own transaction after the change committed: a failed write does not undo
 * the change and does not change the answer; it is logged as a WARNING naming the entry (never a body or a
 * credential). Secrets never reach the log: the views carry none, and a new token's secret is left out.
 */
@ApplicationScoped
class AuditEntries {

    private static final String BEFORE = "io.campanile.audit.before";
    private static final Logger LOG = Logger.getLogger(AuditEntries.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    /** Actions whose answer is not their target's state, on hot paths: their target is not read before. */
    private static final Set<String> NO_STATE = Set.of("job.run", "job.run_batch", "job.backfill");

    @Inject
    ResourceStates states;

    @Inject
    RecordAudit audit;

    @Inject
    ServerIdentity server;

    /** Keeps the target's view before an allowed change, in the request, for {@link #changed}. */
    void rememberBefore(ContainerRequestContext request, Access access) {
        if (access.allowed()
                && access.requirement().changes()
                && !NO_STATE.contains(access.requirement().action())) {
            Object before = states.of(access.target());
            if (before != null) {
                request.setProperty(BEFORE, JSON.toJson(before));
            }
        }
    }

    /** Records a change that succeeded with this status and answer. */
    void changed(ContainerRequestContext request, int status, Object answer, Access access, Principal who) {
        record(request, status, answer, access, who, false);
    }

    /** Records a request refused 403 for want of a role or app scope. */
    void denied(ContainerRequestContext request, Access access, Principal who) {
        record(request, 403, null, access, who, true);
    }

    private void record(
            ContainerRequestContext request, int status, Object answer, Access access, Principal who, boolean denied) {
        RequestTarget target = access.target();
        Object entity = answer instanceof TokenCreated created ? created.token() : answer;
        Object after = denied || !ResourceStates.isStateOf(target.kind(), entity) ? null : entity;
        AuditRecord entry = new AuditRecord(
                null,
                null,
                who.name(),
                access.requirement().action(),
                request.getMethod(),
                request.getUriInfo().getPath().replaceFirst("^/+", ""),
                after instanceof AppView app ? app.name() : target.app(),
                target.kind(),
                idOf(after, target),
                status,
                denied,
                server.id(),
                after == null ? null : (String) request.getProperty(BEFORE),
                after == null ? null : JSON.toJson(after));
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not write the audit entry of {0} {1} /api/{2} by {3} (status {4}): {5}",
                    new Object[] {
                        entry.action(), entry.method(), entry.path(), entry.actor(), entry.status(), e.toString()
                    });
        }
    }

    /** The target's id: the one of its view after the change (a job's number even when the path named it). */
    private static String idOf(Object after, RequestTarget target) {
        if (after instanceof JobView job) {
            return Long.toString(job.id());
        }
        if (after instanceof InstanceView instance) {
            return Long.toString(instance.id());
        }
        if (after instanceof AppView app) {
            return app.name();
        }
        if (after instanceof TokenView token) {
            return token.name();
        }
        return target.id();
    }
}
