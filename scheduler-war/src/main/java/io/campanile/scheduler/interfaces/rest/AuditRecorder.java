package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.domain.access.Access;
import io.campanile.scheduler.domain.access.Principal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Records every change made through the admin API in the audit log, as a filter around every admin endpoint (so an
 * endpoint added later is recorded without a line of its own): each request its rule says may change something
 * ({@code AccessRules}) and that succeeded (2xx). Requests refused 403 for want of a role or app scope are recorded
 * by {@link CredentialsFilter} as it refuses them ({@code denied}). A 401 is not recorded (anyone could fill the
 * log), nor a request refused as invalid (it changed nothing).
 *
 * <p>Before the resource runs, the target's view is read (a job, app, instance or token as the API shows it); after,
 * the answer's view of the target is the state after ({@link AuditEntries}).
 */
@Provider
@Priority(Priorities.USER)
public class AuditRecorder implements ContainerRequestFilter, ContainerResponseFilter {

    /** The request property holding the {@link Principal} of an admin request (set by {@link CredentialsFilter}). */
    static final String CALLER = "io.campanile.caller";

    @Inject
    AuditEntries entries;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(CredentialsFilter.ACCESS) instanceof Access access) {
            entries.rememberBefore(request, access);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CredentialsFilter.ACCESS) instanceof Access access
                && request.getProperty(CALLER) instanceof Principal who
                && access.allowed()
                && access.requirement().changes()
                && response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            entries.changed(request, response.getStatus(), response.getEntity(), access, who);
        }
    }
}
