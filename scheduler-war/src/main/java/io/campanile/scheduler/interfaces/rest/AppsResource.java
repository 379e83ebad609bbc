package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.AppView;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.domain.access.Principal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Apps: {@code .../apps}. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppsResource {

    private final ManageApps apps;

    AppsResource(ManageApps apps) {
        this.apps = apps;
    }

    @POST
    public Response create(AppRegistration registration) {
        AppView created = apps.create(registration);
        return Response.status(201).entity(created).build();
    }

    /** A token limited to some apps sees only those. */
    @GET
    public List<AppView> list(@Context SecurityContext security) {
        Principal caller = AdminCaller.of(security);
        return apps.list().stream().filter(a -> caller.reaches(a.name())).toList();
    }
}
