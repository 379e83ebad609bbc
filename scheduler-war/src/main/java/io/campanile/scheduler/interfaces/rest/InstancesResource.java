package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.InstanceDetail;
import io.campanile.api.admin.InstanceNote;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.admin.RunLogPage;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.ControlInstances;
import io.campanile.scheduler.application.ReadInstances;
import io.campanile.scheduler.application.ReadRunLogs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * One instance of an app: its detail (attempts and history), its run log, and what an operator does to it:
 * {@code .../apps/{app}/instances/{id}}. The paged list is v1's ({@link V1InstancesResource}).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstancesResource {

    /** The use cases behind the instance endpoints. */
    record Services(ReadInstances instances, ReadRunLogs runLogs, ControlInstances control) {}

    private final ReadInstances instances;
    private final ReadRunLogs runLogs;
    private final ControlInstances control;

    InstancesResource(Services services) {
        this.instances = services.instances();
        this.runLogs = services.runLogs();
        this.control = services.control();
    }

    @GET
    @Path("{instanceId}")
    public InstanceDetail instance(@PathParam("app") String app, @PathParam("instanceId") String instanceId) {
        return instances.detail(app, instanceNumber(instanceId));
    }

    @GET
    @Path("{instanceId}/logs")
    public RunLogPage logs(
            @PathParam("app") String app,
            @PathParam("instanceId") String instanceId,
            @QueryParam("attempt") String attempt,
            @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("500") String limit) {
        return runLogs.read(
                app,
                instanceNumber(instanceId),
                attempt == null ? null : (int) Check.wholeNumber("attempt", attempt, 1, Integer.MAX_VALUE),
                Check.wholeNumber("after", after, 0, Long.MAX_VALUE),
                (int) Check.wholeNumber("limit", limit, 1, ReadRunLogs.MAX_LINES));
    }

    @POST
    @Path("{instanceId}/stop")
    public InstanceView stop(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.stop(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    @POST
    @Path("{instanceId}/retry")
    public InstanceView retry(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.retry(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    @POST
    @Path("{instanceId}/succeed")
    public InstanceView succeed(
            @PathParam("app") String app, @PathParam("instanceId") String instanceId, InstanceNote note) {
        return control.succeed(app, instanceNumber(instanceId), note == null ? null : note.note());
    }

    private static long instanceNumber(String instanceId) {
        return Check.wholeNumber("instanceId", instanceId, 1, Long.MAX_VALUE);
    }
}
