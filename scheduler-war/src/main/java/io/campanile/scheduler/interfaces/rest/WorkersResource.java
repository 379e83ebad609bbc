package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.WorkerView;
import io.campanile.scheduler.application.ListWorkers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** An app's workers, as its owner sees them: {@code .../apps/{app}/workers}. */
@Produces(MediaType.APPLICATION_JSON)
public class WorkersResource {

    private final ListWorkers workers;

    WorkersResource(ListWorkers workers) {
        this.workers = workers;
    }

    @GET
    public List<WorkerView> list(@PathParam("app") String app) {
        return workers.list(app);
    }
}
