package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.RequestRejected;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns every failure into an {@code ErrorView} answer whose message names the problem. */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());
    /** Yasson's message for an unknown enum constant, made readable: the value and the type's name. */
    /** How Yasson names the property it failed on. */
    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");

    private static final Pattern BAD_ENUM = Pattern.compile("No enum constant (?:[\\w$]+\\.)*(\\w+)\\.(\\S+)");

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
            return Errors.of(status, e.getMessage());
        }
    }

    @Provider
    public static class BadJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Errors.of(400, "the request body is not valid JSON for this endpoint: " + rootMessage(e));
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Errors.of(400, "the request body is not valid JSON for this endpoint: " + rootMessage(e));
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message =
                    switch (status) {
                        case 404 -> "no resource at " + (uri == null ? "this path" : "/" + uri.getPath());
                        case 405 -> "method not allowed here";
                        case 415 -> "send the body as application/json";
                        case 406 -> "this endpoint answers application/json only";
                        default -> e.getCause() != null ? rootMessage(e) : e.getMessage();
                    };
            return Errors.of(status, message);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new Web().toResponse(w);
            }
            LOG.log(Level.WARNING, "Request failed", e);
            return Errors.of(500, "internal error: " + e.getClass().getSimpleName() + " (see the server log)");
        }
    }

    /** The innermost message, prefixed by the JSON property it concerns when a message names one. */
    static String rootMessage(Throwable e) {
        String property = null;
        Throwable t = e;
        while (true) {
            Matcher named = t.getMessage() == null ? null : PROPERTY.matcher(t.getMessage());
            if (property == null && named != null && named.find()) {
                property = named.group(1);
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        Matcher badEnum = BAD_ENUM.matcher(message);
        String root = badEnum.matches() ? "'" + badEnum.group(2) + "' is not a " + badEnum.group(1) : message;
        return property == null ? root : property + ": " + root;
    }
}
