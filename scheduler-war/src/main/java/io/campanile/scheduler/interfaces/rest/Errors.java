package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ErrorView;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error answers: always JSON with the status and a message that names the problem. */
final class Errors {

    private Errors() {}

    static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorView(status, message))
                .build();
    }
}
