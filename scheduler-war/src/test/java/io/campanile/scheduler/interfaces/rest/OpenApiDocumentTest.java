package io.campanile.scheduler.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document ({@code src/main/resources/openapi.yaml}, served at {@code /api/openapi}) against the code:
 * every endpoint of the JAX-RS resources is documented and every documented operation is served, with the same query,
 * header and path parameters, the body its method takes, the DTO it answers (where the method's type tells) and the
 * credential {@link CredentialsFilter} asks for; every record of the DTO packages has a
 * schema with its components and their types ({@link DtoSchemas}). A failure lists what differs, to be added to the
 * document (or removed from it).
 */
class OpenApiDocumentTest {

    private static final String REST_PACKAGE = "io.campanile.scheduler.interfaces.rest";

    /** Header parameters that are credentials: the document names them as security schemes, not as parameters. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of(io.campanile.api.Headers.APP.toLowerCase(Locale.ROOT));

    private static String text;
    private static OpenAPI document;
    private static List<JaxRsEndpoints.Endpoint> endpoints;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as("%s on the class path", OpenApiResource.DOCUMENT).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertThat(parsed.getMessages())
                .as("what the OpenAPI parser finds wrong")
                .isEmpty();
        document = parsed.getOpenAPI();
        endpoints = JaxRsEndpoints.of(rootResources());
    }

    @Test
    void the_document_is_openapi_3_with_paths_and_schemas() {
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(document.getPaths()).isNotEmpty();
        assertThat(document.getComponents().getSchemas()).isNotEmpty();
    }

    @Test
    void the_resource_serves_the_file_as_it_is() {
        Response served = new OpenApiResource().document();

        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(new String((byte[]) served.getEntity(), StandardCharsets.UTF_8))
                .isEqualTo(text);
    }

    @Test
    void every_endpoint_is_documented_and_every_documented_operation_is_served() {
        Map<String, JaxRsEndpoints.Endpoint> served = byKey(endpoints, JaxRsEndpoints.Endpoint::key);
        Map<String, String> documented = byKey(operations().keySet(), key -> key);
        assertThat(endpoints).as("the resources were found").anyMatch(e -> e.path()
                .equals("/health"));

        List<String> differences = new ArrayList<>();
        served.forEach((key, endpoint) -> {
            if (!documented.containsKey(key)) {
                differences.add("not documented (add it under paths): " + endpoint);
            }
        });
        documented.forEach((key, operation) -> {
            if (!served.containsKey(key)) {
                differences.add(
                        "documented, but no JAX-RS resource serves it (remove it, or fix its path): " + operation);
            }
        });

        assertThat(differences)
                .as("operations that differ between the JAX-RS resources and openapi.yaml")
                .isEmpty();
    }

    @Test
    void each_operation_names_the_parameters_its_method_reads() {
        Map<String, Map.Entry<String, Operation>> documented =
                byKey(operations().entrySet(), Map.Entry::getKey);
        List<String> differences = new ArrayList<>();
        for (JaxRsEndpoints.Endpoint endpoint : endpoints) {
            Map.Entry<String, Operation> operation = documented.get(endpoint.key());
            if (operation == null) {
                continue; // reported by the test above
            }
            List<Parameter> parameters = parameters(operation.getKey(), operation.getValue());
            compare(endpoint, "query", endpoint.query(), names(parameters, "query"), differences);
            Set<String> headers = endpoint.headers().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .filter(h -> !CREDENTIAL_HEADERS.contains(h))
                    .collect(Collectors.toCollection(TreeSet::new));
            compare(endpoint, "header", headers, names(parameters, "header"), differences);
            compare(endpoint, "path", templates(endpoint.path()), names(parameters, "path"), differences);
        }
        assertThat(differences)
                .as("parameters that differ between the resources and openapi.yaml")
                .isEmpty();
    }

    @Test
    void each_operation_documents_the_body_its_method_takes_and_the_dto_it_answers() {
        Map<String, Map.Entry<String, Operation>> documented =
                byKey(operations().entrySet(), Map.Entry::getKey);
        List<String> differences = new ArrayList<>();
        for (JaxRsEndpoints.Endpoint endpoint : endpoints) {
            Map.Entry<String, Operation> operation = documented.get(endpoint.key());
            if (operation == null) {
                continue; // reported by the test above
            }
            String body = endpoint.body() == null ? "no body" : dto(endpoint.body());
            String documentedBody = requestBody(operation.getValue());
            if (!body.equals(documentedBody)) {
                differences.add(endpoint + ": takes " + body + ", documented: " + documentedBody);
            }
            String answer = dto(endpoint.answer());
            if (answer != null) { // a Response or a Map: its status and body are the document's word
                String documentedAnswer = answer(operation.getValue());
                if (!answer.equals(documentedAnswer)) {
                    differences.add(endpoint + ": answers 200 " + answer + ", documented: " + documentedAnswer);
                }
            }
        }
        assertThat(differences)
                .as("bodies and answers that differ between the resources and openapi.yaml")
                .isEmpty();
    }

    @Test
    void each_operation_asks_for_the_credential_the_filter_checks() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((key, operation) -> {
            String path = key.substring(key.indexOf(' ') + 1);
            Set<Set<String>> expected = expectedSecurity(CredentialsFilter.needed(path));
            Set<Set<String>> documented = security(operation);
            if (!documented.equals(expected)) {
                wrong.add(key + ": documents " + documented + ", the filter checks " + expected);
            }
        });
        assertThat(wrong)
                .as("operations whose security differs from CredentialsFilter")
                .isEmpty();
    }

    @Test
    void every_record_of_the_dto_packages_has_a_schema_with_its_components() {
        assertThat(new DtoSchemas(document).differences())
                .as("schemas of openapi.yaml that differ from the records and enums of io.campanile.api.admin and"
                        + " io.campanile.api.protocol (components/schemas, named as the class within its package)")
                .isEmpty();
    }

    /** Every operation of the document by "METHOD /path". */
    static Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }

    static OpenAPI document() {
        return document;
    }

    private static Collection<Class<?>> rootResources() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(REST_PACKAGE).stream()
                        .filter(c -> c.isAnnotatedWith(Path.class))
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();
    }

    /** Keyed by the normalised "METHOD /path", each key once. */
    private static <T> Map<String, T> byKey(Collection<T> all, Function<T, String> key) {
        Map<String, T> byKey = new TreeMap<>();
        for (T t : all) {
            String k = key.apply(t);
            int space = k.indexOf(' ');
            String normalised = k.substring(0, space + 1) + JaxRsEndpoints.normalised(k.substring(space + 1));
            T before = byKey.put(normalised, t);
            assertThat(before)
                    .as("two operations at %s: %s and %s", normalised, before, t)
                    .isNull();
        }
        return byKey;
    }

    private static List<Parameter> parameters(String key, Operation operation) {
        PathItem item = document.getPaths().get(key.substring(key.indexOf(' ') + 1));
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all.stream().map(OpenApiDocumentTest::resolve).toList();
    }

    private static Parameter resolve(Parameter p) {
        if (p.get$ref() == null) {
            return p;
        }
        String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
        Parameter target = document.getComponents().getParameters().get(name);
        assertThat(target).as("parameter %s", p.get$ref()).isNotNull();
        return target;
    }

    private static Set<String> names(List<Parameter> parameters, String in) {
        return parameters.stream()
                .filter(p -> in.equals(p.getIn()))
                .map(p -> in.equals("header") ? p.getName().toLowerCase(Locale.ROOT) : p.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> templates(String key) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(key);
        while (m.find()) {
            names.add(m.group(1).trim());
        }
        return names;
    }

    private static void compare(
            JaxRsEndpoints.Endpoint endpoint,
            String in,
            Set<String> served,
            Set<String> documented,
            List<String> differences) {
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(documented);
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(served);
        if (!missing.isEmpty()) {
            differences.add(endpoint + ": " + in + " parameters not documented: " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add(endpoint + ": documented " + in + " parameters it does not read: " + extra);
        }
    }

    /** The schema name of a DTO type, {@code [Name]} for a list of them; null for any other type. */
    private static String dto(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            String items = dto(p.getActualTypeArguments()[0]);
            return items == null ? null : "[" + items + "]";
        }
        return type instanceof Class<?> c && (c.isRecord() || c.isEnum()) ? DtoSchemas.name(c) : null;
    }

    private static String requestBody(Operation operation) {
        RequestBody body = operation.getRequestBody();
        if (body == null) {
            return "no body";
        }
        if (body.get$ref() != null) {
            body = document.getComponents().getRequestBodies().get(refName(body.get$ref()));
        }
        return json(body.getContent());
    }

    private static String answer(Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        if (ok == null) {
            return "no 200";
        }
        if (ok.get$ref() != null) {
            ok = document.getComponents().getResponses().get(refName(ok.get$ref()));
        }
        return json(ok.getContent());
    }

    /** The schema of an application/json content, as {@link #dto} names it. */
    private static String json(Content content) {
        MediaType json = content == null ? null : content.get("application/json");
        return json == null || json.getSchema() == null ? "no application/json" : schemaName(json.getSchema());
    }

    private static String schemaName(Schema<?> schema) {
        if (schema.get$ref() != null) {
            return refName(schema.get$ref());
        }
        return "array".equals(schema.getType()) && schema.getItems() != null
                ? "[" + schemaName(schema.getItems()) + "]"
                : String.valueOf(schema.getType());
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Set<Set<String>> expectedSecurity(CredentialsFilter.Needed needed) {
        return switch (needed) {
            case ADMIN_TOKEN -> Set.of(Set.of("adminToken"));
            case CLUSTER_TOKEN -> Set.of(Set.of("clusterToken"));
            case APP_SECRET -> Set.of(Set.of("appName", "appSecret"));
            case NONE -> Set.of();
        };
    }

    /** The alternatives of an operation's security, each the set of schemes it needs together. */
    private static Set<Set<String>> security(Operation operation) {
        List<SecurityRequirement> requirements =
                operation.getSecurity() != null ? operation.getSecurity() : document.getSecurity();
        if (requirements == null) {
            return Set.of();
        }
        return requirements.stream()
                .map(r -> Set.copyOf(r.keySet()))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
