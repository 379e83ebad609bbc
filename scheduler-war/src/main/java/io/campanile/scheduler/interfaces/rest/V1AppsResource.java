package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppPage;
import io.campanile.scheduler.application.AppQuery;
import io.campanile.scheduler.application.ListApps;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.domain.access.Principal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** v1's apps: those of {@link AppsResource}, listed page by page by name. */
public class V1AppsResource extends AppsResource {

    private final ListApps listing;

    V1AppsResource(ManageApps apps, ListApps listing) {
        super(apps);
        this.listing = listing;
    }

    /** A token limited to some apps sees only those, and the total counts only those. */
    @GET
    public AppPage list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        Principal caller = AdminCaller.of(security);
        return listing.list(AppQuery.parse(limit, cursor), caller::reaches);
    }
}
