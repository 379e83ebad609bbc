package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppRegistration;
import io.campanile.api.admin.AppView;
import io.campanile.scheduler.application.ManageApps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Apps: {@code .../apps}; each version lists them its own way ({@link LegacyAppsResource}, {@link V1AppsResource}). */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppsResource {

    final ManageApps apps;

    AppsResource(ManageApps apps) {
        this.apps = apps;
    }

    @POST
    public Response create(AppRegistration registration) {
        AppView created = apps.create(registration);
        return Response.status(201).entity(created).build();
    }
}
