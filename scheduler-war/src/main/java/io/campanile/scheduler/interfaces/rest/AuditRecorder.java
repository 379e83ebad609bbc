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
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every change made through the admin API in the audit log, as a filter around every admin endpoint (so an
 * endpoint added later is recorded without a line of its own): a request its rule says may change something
 * ({@code AccessRules}) and that succeeded (2xx), and every request refused 403 for want of a role or app scope
 * ({@code denied}). A 401 is not recorded (anyone could fill the log), nor a request refused as invalid (it changed
 * nothing).
 *
 * <p>Before the resource runs, the target's view is read (a job, app, instance or token as the API shows it); after,
 * the answer's view of the target is the state after. The entry is written in its own transaction after the change
 * committed: a failed write does not undo the change and does not change the answer; it is logged as a WARNING naming
 * the entry (never a body or a credential). Secrets never reach the log: the views carry none, and a new token's
 * secret is left out of its answer's view.
 */
@Provider
@Priority(Priorities.USER)
public class AuditRecorder implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property holding the {@link Principal} of an admin request (set by {@link CredentialsFilter}). */
    static final String CALLER = "io.campanile.caller";

    private static final String BEFORE = "io.campanile.audit.before";
    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    /** Actions whose answer is not their target's state, on hot paths: their target is not read before. */
    private static final Set<String> NO_STATE = Set.of("job.run", "job.run_batch", "job.backfill");

    @Inject
    ResourceStates states;

    @Inject
    RecordAudit audit;

    @Inject
    ServerIdentity server;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(CredentialsFilter.ACCESS) instanceof Access access
                && access.allowed()
                && access.requirement().changes()
                && !NO_STATE.contains(access.requirement().action())) {
            Object before = states.of(access.target());
            if (before != null) {
                request.setProperty(BEFORE, JSON.toJson(before));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CredentialsFilter.ACCESS) instanceof Access access)
                || !(request.getProperty(CALLER) instanceof Principal who)) {
            return;
        }
        boolean changed = access.allowed()
                && access.requirement().changes()
                && response.getStatusInfo().getFamily() == jakarta.ws.rs.core.Response.Status.Family.SUCCESSFUL;
        boolean denied = !access.allowed() && response.getStatus() == 403;
        if (changed || denied) {
            record(request, response, access, who, denied);
        }
    }

    private void record(
            ContainerRequestContext request,
            ContainerResponseContext response,
            Access access,
            Principal who,
            boolean denied) {
        RequestTarget target = access.target();
        Object entity = response.getEntity() instanceof TokenCreated created ? created.token() : response.getEntity();
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
                response.getStatus(),
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
