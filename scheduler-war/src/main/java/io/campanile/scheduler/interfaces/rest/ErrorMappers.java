package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ErrorView;
import io.campanile.scheduler.application.Check;
import io.campanile.scheduler.application.RequestRejected;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into an {@code ErrorView} answer whose message names the problem. */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {}

    @Provider
    public static class Rejected implements ExceptionMapper<RequestRejected> {
        @Override
        public Response toResponse(RequestRejected e) {
            int status =
                    switch (e.kind()) {
                        case INVALID -> 400;
                        case NOT_FOUND -> 404;
                        case CONFLICT -> 409;
                        case UNAVAILABLE -> 503;
                    };
            return Errors.of(status, e.getMessage(), e.field());
        }
    }

    /** Bodies are read by {@link StrictJsonReader}; this is for anything JSON-B still reads. */
    @Provider
    public static class BadJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Errors.of(400, "body: is not valid JSON for this endpoint: " + Check.cut(rootMessage(e)), "body");
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Errors.of(400, "body: cannot be read: " + Check.cut(rootMessage(e)), "body");
        }
    }

    /** The container's own refusals (no such path, method, media type) and those of our providers. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Context
        Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response response = e.getResponse();
            if (response.getEntity() instanceof ErrorView) {
                return response; // already the documented body (StrictJsonReader's refusals)
            }
            int status = response.getStatus();
            String message =
                    switch (status) {
                        case 404 -> "no resource at "
                                + (uri == null
                                        ? "this path"
                                        : Check.quote("/" + uri.getPath().replaceFirst("^/+", "")));
                        case 405 -> "method " + (request == null ? "" : Check.cut(request.getMethod()) + " ")
                                + "not allowed here";
                        case 415 -> "send the body as application/json";
                        case 406 -> "this endpoint answers " + answeredType() + " only";
                        default -> Check.cut(e.getMessage());
                    };
            return Errors.of(status, message);
        }

        private String answeredType() {
            String path = uri == null ? "" : uri.getPath().replaceFirst("^/+", "");
            if (path.startsWith("metrics")) {
                return "text/plain";
            }
            return path.startsWith("openapi") ? OpenApiResource.YAML : "application/json";
        }
    }

    /** Anything else is a bug: logged with its stack trace, answered with a JSON 500, never an HTML page. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException w) {
                return new Web().toResponse(w);
            }
            LOG.log(Level.WARNING, "Request failed", e);
            return Errors.of(500, "internal error: " + e.getClass().getSimpleName() + " (see the server log)");
        }
    }

    /** The innermost message of a chain of causes. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
