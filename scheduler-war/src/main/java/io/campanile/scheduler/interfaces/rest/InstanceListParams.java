package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.InstanceQuery;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The query parameters of v1's instance listing, taken as text so that each problem is a 400 naming it. */
public class InstanceListParams {

    @QueryParam("job")
    String job;

    @QueryParam("state")
    List<String> states;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("worker")
    String worker;

    @QueryParam("sort")
    String sort;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    InstanceQuery.Text text() {
        return new InstanceQuery.Text(job, states, from, to, worker, sort, limit, cursor);
    }
}
