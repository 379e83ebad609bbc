package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.ErrorView;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Error answers: always JSON with the status, a stable code, a message that names the problem and its field. */
final class Errors {

    /** No message is longer: whatever it quotes was cut already, this is the last guard. */
    static final int MAX_MESSAGE = 1000;

    private Errors() {}

    static Response of(int status, String message) {
        return of(status, message, null);
    }

    /** {@code field}: the parameter or JSON path at fault, or null. */
    static Response of(int status, String message, String field) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorView.of(status, bounded(message), field))
                .build();
    }

    static String bounded(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
