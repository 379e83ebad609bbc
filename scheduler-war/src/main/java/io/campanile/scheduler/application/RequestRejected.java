package io.campanile.scheduler.application;

/** A request that cannot be carried out as asked; the message names the problem. */
public class RequestRejected extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String field;

    public RequestRejected(Kind kind, String message) {
        this(kind, message, null);
    }

    private RequestRejected(Kind kind, String message, String field) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RequestRejected invalid(String field, String problem) {
        return new RequestRejected(Kind.INVALID, field + ": " + problem, Check.cut(field));
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(Kind.NOT_FOUND, message);
    }

    public static RequestRejected conflict(String message) {
        return new RequestRejected(Kind.CONFLICT, message);
    }

    public static RequestRejected unavailable(String message) {
        return new RequestRejected(Kind.UNAVAILABLE, message);
    }

    /**
     * This refusal of a field of one element of a request ({@code cron}), its field named within the request ({@code
     * jobs[3].cron}); any other refusal as it is.
     */
    public RequestRejected within(String prefix) {
        if (kind != Kind.INVALID || field == null) {
            return this;
        }
        return new RequestRejected(kind, prefix + getMessage(), Check.cut(prefix + field));
    }

    public Kind kind() {
        return kind;
    }

    /** The parameter or JSON field at fault, for an invalid request; null otherwise. */
    public String field() {
        return field;
    }
}
