package io.campanile.cli;

import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A {@link JobDefinition} read from a JSON file ({@code -} for standard input). As the server does, it takes any JSON
 * value as {@code parameters} (an object is sent as its JSON text). It ignores the read-only fields of a {@code
 * JobView}, so that the output of {@code jobs show --json} can be edited and sent back, and refuses any other unknown
 * field by name rather than dropping it.
 */
final class JobDefinitionFile {

    /** Fields of a JobView that a JobDefinition does not have: what the server says about a job, not what it is. */
    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "appName",
            "nextFireTime",
            "createdAt",
            "scheduleError",
            "warning",
            "revision",
            "pausedNote",
            "deletedAt");

    private static final Set<String> KNOWN = Arrays.stream(JobDefinition.class.getRecordComponents())
            .map(component -> component.getName())
            .collect(Collectors.toCollection(TreeSet::new));

    private JobDefinitionFile() {}

    static JobDefinition read(Path file, InputStream stdin) {
        return parse(text(file, stdin), nameOf(file));
    }

    /** A document of {@code jobs export}, as the API wrote it. */
    static JobExport readExport(Path file, InputStream stdin) {
        String name = nameOf(file);
        try (Jsonb jsonb = JsonbBuilder.create()) {
            JobExport document = jsonb.fromJson(text(file, stdin), JobExport.class);
            if (document == null || document.jobs() == null) {
                throw new CliUsageException(name + " is not a document of 'jobs export': it has no jobs");
            }
            return document;
        } catch (JsonbException e) {
            throw new CliUsageException(name + " is not a document of 'jobs export': " + e.getMessage(), e);
        } catch (CliUsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nameOf(Path file) {
        return file.toString().equals("-") ? "standard input" : file.toString();
    }

    private static String text(Path file, InputStream stdin) {
        try {
            return file.toString().equals("-")
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliUsageException("cannot read " + nameOf(file) + ": " + e.getMessage(), e);
        }
    }

    static JobDefinition parse(String text, String name) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CliUsageException(name + " is not one JSON object: " + e.getMessage(), e);
        }
        JsonObjectBuilder definition = Json.createObjectBuilder();
        Set<String> unknown = new TreeSet<>();
        object.forEach((field, value) -> {
            if (field.equals("parameters") && value.getValueType() != JsonValue.ValueType.STRING) {
                definition.add(field, value.getValueType() == JsonValue.ValueType.NULL ? value : asText(value));
            } else if (KNOWN.contains(field)) {
                definition.add(field, value);
            } else if (!READ_ONLY.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new CliUsageException(
                    name + ": unknown field(s) " + unknown + " in a job definition; known: " + KNOWN);
        }
        try (Jsonb jsonb = JsonbBuilder.create();
                Reader reader = new StringReader(definition.build().toString())) {
            return jsonb.fromJson(reader, JobDefinition.class);
        } catch (JsonbException e) {
            throw new CliUsageException(name + " is not a job definition: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonValue asText(JsonValue value) {
        return Json.createValue(value.toString());
    }
}
