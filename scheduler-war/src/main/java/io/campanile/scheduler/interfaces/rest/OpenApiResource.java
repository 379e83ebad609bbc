package io.campanile.scheduler.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the whole API, without credentials: {@code openapi.yaml} of the WAR's classes, kept by hand
 * and served as it is. Not MicroProfile OpenAPI: WildFly serves that only with its MicroProfile subsystems, and Payara
 * serves at the server's root whatever it scans from the most recently deployed application; a file served by the WAR
 * itself reads the same on both. {@code OpenApiDocumentTest} keeps the file true to the resources and the DTOs.
 */
@Path("openapi")
@ApplicationScoped
public class OpenApiResource {

    /** The document, at the root of the WAR's classes (not {@code META-INF}, which MicroProfile OpenAPI would merge). */
    static final String DOCUMENT = "/openapi.yaml";

    /** YAML's media type (RFC 9512); the document is UTF-8. */
    static final String YAML = "application/yaml";

    private volatile byte[] document;

    @GET
    @Produces(YAML)
    public Response document() {
        return Response.ok(bytes()).type(YAML + ";charset=utf-8").build();
    }

    private byte[] bytes() {
        byte[] read = document;
        if (read == null) {
            read = read();
            document = read;
        }
        return read;
    }

    private static byte[] read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
