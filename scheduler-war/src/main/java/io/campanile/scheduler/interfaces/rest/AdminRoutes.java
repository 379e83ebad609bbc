package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.BackfillJobs;
import io.campanile.scheduler.application.ClusterOverview;
import io.campanile.scheduler.application.ControlInstances;
import io.campanile.scheduler.application.EditJobs;
import io.campanile.scheduler.application.ListWorkers;
import io.campanile.scheduler.application.ManageApps;
import io.campanile.scheduler.application.ManageJobs;
import io.campanile.scheduler.application.ReadInstances;
import io.campanile.scheduler.application.ReadRunLogs;
import io.campanile.scheduler.application.RunJobs;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * The admin surface, routed to one small resource per kind of thing. Mounted twice, with the same handlers: at
 * {@code /api/v1} ({@link AdminV1Resource}) and, deprecated, at {@code /api/admin} ({@link AdminResource}); a version
 * differs only in the handlers {@link #jobsOf} and {@link #instancesOf} give it.
 */
public abstract class AdminRoutes {

    @Inject
    ManageApps apps;

    @Inject
    ManageJobs jobs;

    @Inject
    EditJobs edits;

    @Inject
    RunJobs runs;

    @Inject
    BackfillJobs backfills;

    @Inject
    ReadInstances instances;

    @Inject
    ListWorkers workers;

    @Inject
    ReadRunLogs runLogs;

    @Inject
    ControlInstances control;

    @Inject
    ClusterOverview cluster;

    private AppsResource appsResource;
    private JobsResource jobsResource;
    private InstancesResource instancesResource;
    private WorkersResource workersResource;
    private ClusterViewResource clusterResource;

    @PostConstruct
    void createHandlers() {
        appsResource = appsOf(apps);
        jobsResource = jobsOf(new JobsResource.Services(jobs, edits, runs, backfills));
        instancesResource = instancesOf(new InstancesResource.Services(instances, runLogs, control));
        workersResource = new WorkersResource(workers);
        clusterResource = new ClusterViewResource(cluster);
    }

    /** This version's handler of the apps; an override declares the class it returns, as for jobs. */
    abstract AppsResource appsOf(ManageApps apps);

    /**
     * This version's handler of an app's jobs. An override declares the class it returns, which tells its endpoints
     * apart from another version's without running it ({@code OpenApiDocumentTest}).
     */
    abstract JobsResource jobsOf(JobsResource.Services services);

    /** This version's handler of an app's instances; an override declares the class it returns, as for jobs. */
    abstract InstancesResource instancesOf(InstancesResource.Services services);

    @Path("apps")
    public AppsResource apps() {
        return appsResource;
    }

    @Path("apps/{app}/jobs")
    public JobsResource jobs() {
        return jobsResource;
    }

    @Path("apps/{app}/instances")
    public InstancesResource instances() {
        return instancesResource;
    }

    @Path("apps/{app}/workers")
    public WorkersResource workers() {
        return workersResource;
    }

    @Path("cluster")
    public ClusterViewResource cluster() {
        return clusterResource;
    }
}
