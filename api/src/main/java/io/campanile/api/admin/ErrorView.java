package io.campanile.api.admin;

/**
 * The body of every 4xx and 5xx answer.
 *
 * @param status the HTTP status
 * @param message what went wrong, naming the field or value at fault; for people, it may change
 * @param code the stable kind of error, an {@link ErrorCode} in lower case ({@code invalid_field}, {@code not_found})
 * @param field the query or path parameter, header or JSON path at fault ({@code limit}, {@code runs[3].at}); null
 *     when the error names none
 */
public record ErrorView(int status, String message, String code, String field) {

    public static ErrorView of(int status, String message, String field) {
        return new ErrorView(
                status, message, ErrorCode.forStatus(status, field != null).wire(), field);
    }
}
