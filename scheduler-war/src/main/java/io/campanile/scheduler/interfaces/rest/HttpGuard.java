package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ErrorCode;
import io.campanile.scheduler.application.Check;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container's side of "every error is the JSON error body": whatever answers a request
 * of this WAR outside JAX-RS (the container's 404 for a path no servlet serves, a 405, a failure
 * that escapes JAX-RS) answers {@code {"status","message","code","field"}} instead of an HTML page or an empty
 * body. It also refuses, before anything reads them, a body announced larger than {@link
 * StrictJsonReader#MAX_BODY_BYTES} and a path or query whose percent-encoding is not UTF-8.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR},
        asyncSupported = true) // the worker's long-poll is an asynchronous request
public class HttpGuard extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(HttpGuard.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String refusal = refusal(request);
        if (refusal != null) {
            // a refusal starts with what it is about: body, path or query
            write(
                    response,
                    refusal.startsWith("body") ? 413 : 400,
                    refusal,
                    refusal.substring(0, refusal.indexOf(':')));
            return;
        }
        try {
            chain.doFilter(request, new JsonErrors(request, response));
        } catch (IOException e) {
            throw e; // the client went away: nothing to answer
        } catch (ServletException | RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Request failed outside JAX-RS", e);
            if (!response.isCommitted()) {
                response.reset();
                write(response, 500, "internal error: " + e.getClass().getSimpleName() + " (see the server log)", null);
            }
        }
    }

    /** Why the request is refused before it runs, or null. */
    static String refusal(HttpServletRequest request) {
        if (request.getContentLengthLong() > StrictJsonReader.MAX_BODY_BYTES) {
            return "body: is larger than " + StrictJsonReader.MAX_BODY_BYTES + " bytes";
        }
        String problem = PercentEncoding.problem(request.getRequestURI());
        if (problem != null) {
            return "path: " + problem;
        }
        problem = PercentEncoding.problem(request.getQueryString());
        return problem == null ? null : "query: " + problem;
    }

    static void write(HttpServletResponse response, int status, String message, String field) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("status", status)
                .add("message", Errors.bounded(message))
                .add("code", ErrorCode.forStatus(status, field != null).wire());
        byte[] body = (field == null
                        ? json
                        : json.add("field", field)) // absent when none, as JSON-B writes an ErrorView
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Turns the container's {@code sendError} (its HTML error page) into the JSON error body. */
    private static final class JsonErrors extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        JsonErrors(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
            this.response = response;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            write(response, status, describe(status), null);
        }

        private String describe(int status) {
            String path = Check.quote(request.getRequestURI());
            return switch (status) {
                case 404 -> "no resource at " + path;
                case 405 -> "method " + Check.cut(request.getMethod()) + " not allowed at " + path;
                case 415 -> "send the body as application/json";
                case 400 -> "the request is malformed";
                default -> "request to " + path + " failed with status " + status;
            };
        }
    }
}
