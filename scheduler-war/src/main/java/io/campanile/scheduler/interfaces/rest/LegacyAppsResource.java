package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AppView;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.domain.access.Principal;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The apps of {@code /api/admin}: listed all at once, as that API always did. */
public class LegacyAppsResource extends AppsResource {

    LegacyAppsResource(ManageApps apps) {
        super(apps);
    }

    /** A token limited to some apps sees only those. */
    @GET
    public List<AppView> list(@Context SecurityContext security) {
        Principal caller = AdminCaller.of(security);
        return apps.list().stream().filter(a -> caller.reaches(a.name())).toList();
    }
}
