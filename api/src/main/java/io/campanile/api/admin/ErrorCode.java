package io.campanile.api.admin;

import java.util.Locale;
import java.util.Optional;

/**
 * The stable, machine-readable kind of an error answer ({@link ErrorView#code()}), sent in lower case
 * ({@code invalid_field}). Clients branch on the code; the message is for people and may change.
 */
public enum ErrorCode {
    /** 400 naming the parameter, header or JSON field at fault ({@link ErrorView#field()}). */
    INVALID_FIELD,
    /** 400 for a request malformed as a whole (its path or query encoding, a body that is no JSON). */
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNAVAILABLE,
    INTERNAL;

    /** The code as the JSON error body carries it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code of an answer with this status; {@code withField}: the answer names a field. */
    public static ErrorCode forStatus(int status, boolean withField) {
        return switch (status) {
            case 400 -> withField ? INVALID_FIELD : BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409, 412 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    /** The code a body carries, if it is one of these (an older server sends none). */
    public static Optional<ErrorCode> fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire().equals(wire)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
