package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AuditPage;
import io.campanile.scheduler.application.AuditQuery;
import io.campanile.scheduler.application.ListAudit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log: {@code /api/v1/audit?app=&actor=&from=&to=&limit=&cursor=}, newest first (admins only). */
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final ListAudit audit;

    AuditResource(ListAudit audit) {
        this.audit = audit;
    }

    @GET
    public AuditPage list(
            @QueryParam("app") String app,
            @QueryParam("actor") String actor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return audit.list(AuditQuery.parse(new AuditQuery.Text(app, actor, from, to, limit, cursor)));
    }
}
