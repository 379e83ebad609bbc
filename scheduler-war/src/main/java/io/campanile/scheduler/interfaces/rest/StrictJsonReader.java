package io.campanile.scheduler.interfaces.rest;

import io.campanile.scheduler.application.Check;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads every request body of the API (the records of {@code io.campanile.api}) with {@link
 * StrictJson} instead of the lenient JSON-B default: a body of at most {@link #MAX_BODY_BYTES}
 * bytes of UTF-8 JSON whose values fit the record exactly. A problem is answered with the JSON
 * error body naming the JSON path at fault, before anything runs.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Priority(Priorities.ENTITY_CODER)
// as specific as the built-in JSON-B reader's application/json, so that no implementation prefers that one;
// */* so that a body of another type reaches checkMediaType and gets its JSON 415
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class StrictJsonReader implements MessageBodyReader<Record> {

    /** The largest request body: parameters hold up to 65,536 characters, six bytes each when escaped. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("io.campanile.api");
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        PushbackInputStream input = new PushbackInputStream(entityStream);
        int first = input.read();
        if (first < 0) {
            return null; // no body at all, whatever its media type: the resource says whether it needs one
        }
        input.unread(first);
        checkMediaType(mediaType);
        Reader body = new InputStreamReader(
                new BoundedInputStream(input, MAX_BODY_BYTES),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return StrictJson.read(body, type);
        } catch (StrictJson.Rejected e) {
            throw new BadRequestException(Errors.of(400, e.getMessage(), e.path()));
        } catch (RuntimeException | IOException e) {
            // the JSON-P implementation wraps read failures (a malformed UTF-8 sequence) in its own exceptions
            if (causedBy(e, CharacterCodingException.class)) {
                throw new BadRequestException(Errors.of(400, "body: is not valid UTF-8", "body"));
            }
            if (causedBy(e, BoundedInputStream.TooLarge.class)) {
                throw new ClientErrorException(
                        Errors.of(413, "body: is larger than " + MAX_BODY_BYTES + " bytes", "body"));
            }
            if (e instanceof JsonException) {
                throw new BadRequestException(
                        Errors.of(400, "body: cannot be read: " + Check.cut(e.getMessage()), "body"));
            }
            throw e;
        }
    }

    /** JSON in UTF-8 only; the media type's names are matched without regard to case, as HTTP says. */
    static void checkMediaType(MediaType mediaType) {
        if (mediaType == null
                || !"application".equalsIgnoreCase(mediaType.getType())
                || !"json".equalsIgnoreCase(mediaType.getSubtype())) {
            throw new ClientErrorException(Errors.of(
                    415,
                    "send the body as application/json, not "
                            + (mediaType == null ? "nothing" : Check.cut(mediaType.toString()))));
        }
        String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ClientErrorException(
                    Errors.of(415, "send the body in UTF-8 (charset=utf-8), not charset " + Check.quote(charset)));
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
