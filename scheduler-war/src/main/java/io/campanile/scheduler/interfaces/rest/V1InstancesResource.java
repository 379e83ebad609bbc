package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.InstancePage;
import io.campanile.scheduler.application.InstanceQuery;
import io.campanile.scheduler.application.ListInstances;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;

/** v1's instances of an app: those of {@link InstancesResource}, and the paged, filtered list. */
public class V1InstancesResource extends InstancesResource {

    private final ListInstances listing;

    V1InstancesResource(Services services, ListInstances listing) {
        super(services);
        this.listing = listing;
    }

    @GET
    public InstancePage list(@PathParam("app") String app, @BeanParam InstanceListParams params) {
        return listing.list(app, InstanceQuery.parse(params.text()));
    }
}
