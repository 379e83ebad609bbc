package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.infrastructure.metrics.MetricsScrape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The server's metrics in the Prometheus text format, for a scraper holding the admin token (see operations.md). */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    /** The Prometheus text exposition format, version 0.0.4, which every Prometheus version reads. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    MetricsScrape scrape;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response metrics() {
        return Response.ok(scrape.scrape())
                .header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
                .build();
    }
}
