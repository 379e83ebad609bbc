package io.campanile.scheduler.interfaces.rest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.campanile.api.admin.AnyJsonValue;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schemas of the OpenAPI document against the DTOs: each record of the DTO packages (nested ones too) has a schema
 * named as the class within its package ({@code SchedulePreview.PreviewedFire}) whose properties are its components,
 * each of the JSON type JSON-B gives it, the primitive ones required; each enum they use (and each enum of the
 * packages) lists its constants, or their {@code wire()} form where the enum has one; no other schema but the
 * document's own ({@link #OWN}).
 */
final class DtoSchemas {

    static final List<String> PACKAGES = List.of("io.campanile.api.admin", "io.campanile.api.protocol");

    /** Schemas of values that are no class of the api module (a constrained string, the health body). */
    static final Set<String> OWN = Set.of("AppName", "WorkerId", "ReadinessReport");

    private static final String REF = "#/components/schemas/";

    private final Map<String, Schema> schemas;
    private final List<String> differences = new ArrayList<>();

    DtoSchemas(OpenAPI document) {
        this.schemas = document.getComponents().getSchemas();
    }

    List<String> differences() {
        Set<Class<?>> records = new LinkedHashSet<>();
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGES)) {
            Class<?> type = c.reflect();
            if (type.isRecord()) {
                records.add(type);
            } else if (type.isEnum()) {
                enums.add(type);
            }
        }
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                enumsIn(component.getGenericType(), enums);
            }
        }
        records.forEach(this::checkRecord);
        enums.forEach(this::checkEnum);

        Set<String> unknown = new TreeSet<>(schemas.keySet());
        records.forEach(r -> unknown.remove(name(r)));
        enums.forEach(e -> unknown.remove(name(e)));
        unknown.removeAll(OWN);
        unknown.forEach(s -> differences.add(s + ": no record or enum of the DTO packages has this name (nor is it"
                + " one of the document's own " + new TreeSet<>(OWN) + ")"));
        return differences;
    }

    /** The schema name of a class: its name within its package, nested classes joined with a dot. */
    static String name(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private void checkRecord(Class<?> record) {
        String name = name(record);
        Schema<?> schema = schemas.get(name);
        if (schema == null) {
            differences.add(name + ": no schema; its components: " + components(record));
            return;
        }
        Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        Set<String> missing = new TreeSet<>(components(record));
        missing.removeAll(properties.keySet());
        Set<String> extra = new TreeSet<>(properties.keySet());
        extra.removeAll(components(record));
        if (!missing.isEmpty()) {
            differences.add(name + ": properties missing: " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add(name + ": properties the record does not have: " + extra);
        }
        Set<String> required = schema.getRequired() == null ? Set.of() : Set.copyOf(schema.getRequired());
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = properties.get(component.getName());
            String where = name + "." + component.getName();
            if (property != null) {
                String problem = component.isAnnotationPresent(AnyJsonValue.class)
                        ? anyValue(property)
                        : typeProblem(component.getGenericType(), property);
                if (problem != null) {
                    differences.add(where + ": " + problem);
                }
            }
            if (component.getType().isPrimitive() && !required.contains(component.getName())) {
                differences.add(where + ": a " + component.getType() + " is always there: add it to required");
            }
        }
        Set<String> requiredUnknown = new TreeSet<>(required);
        requiredUnknown.removeAll(components(record));
        if (!requiredUnknown.isEmpty()) {
            differences.add(name + ": required names no component: " + requiredUnknown);
        }
    }

    private void checkEnum(Class<?> type) {
        String name = name(type);
        Schema<?> schema = schemas.get(name);
        List<String> constants = constants(type);
        if (schema == null) {
            differences.add(name + ": no schema; its constants: " + constants);
            return;
        }
        List<String> documented = schema.getEnum() == null
                ? List.of()
                : schema.getEnum().stream().map(String::valueOf).toList();
        if (!"string".equals(schema.getType()) || !documented.equals(constants)) {
            differences.add(
                    name + ": should be a string enum " + constants + ", is " + schema.getType() + " " + documented);
        }
    }

    /** What JSON-B writes for a component of this type, or why the property's schema is not that. */
    private String typeProblem(Type type, Schema<?> property) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!"array".equals(property.getType()) || property.getItems() == null) {
                return "a list: should be an array, is " + describe(property);
            }
            String inItems = typeProblem(p.getActualTypeArguments()[0], property.getItems());
            return inItems == null ? null : "its items: " + inItems;
        }
        if (!(type instanceof Class<?> c)) {
            return "no rule for the type " + type;
        }
        if (c.isEnum() || c.isRecord()) {
            return (REF + name(c)).equals(property.get$ref())
                    ? null
                    : "should be $ref " + REF + name(c) + ", is " + describe(property);
        }
        String[] expected = expected(c);
        if (expected == null) {
            return "no rule for the type " + c.getName();
        }
        Schema<?> resolved = resolve(property);
        boolean sameType = expected[0].equals(resolved.getType());
        boolean sameFormat = expected[1] == null || expected[1].equals(resolved.getFormat());
        return sameType && sameFormat
                ? null
                : "a " + c.getSimpleName() + ": should be "
                        + String.join(
                                " ",
                                Arrays.stream(expected).filter(e -> e != null).toList()) + ", is " + describe(property);
    }

    /** The JSON type and format of a Java type of the DTOs. */
    private static String[] expected(Class<?> c) {
        if (c == long.class || c == Long.class) {
            return new String[] {"integer", "int64"};
        } else if (c == int.class || c == Integer.class) {
            return new String[] {"integer", "int32"};
        } else if (c == double.class || c == Double.class) {
            return new String[] {"number", "double"};
        } else if (c == boolean.class || c == Boolean.class) {
            return new String[] {"boolean", null};
        } else if (c == String.class) {
            return new String[] {"string", null};
        } else if (c == Instant.class) {
            return new String[] {"string", "date-time"};
        } else if (c == jakarta.json.JsonObject.class) {
            return new String[] {"object", null};
        }
        return null;
    }

    private static String anyValue(Schema<?> property) {
        return property.getType() == null && property.get$ref() == null
                ? null
                : "takes any JSON value (@AnyJsonValue): should have no type, is " + describe(property);
    }

    private Schema<?> resolve(Schema<?> property) {
        if (property.get$ref() == null) {
            return property;
        }
        Schema<?> target = schemas.get(property.get$ref().substring(REF.length()));
        return target == null ? property : target;
    }

    private static String describe(Schema<?> s) {
        if (s.get$ref() != null) {
            return "$ref " + s.get$ref();
        }
        return s.getType() + (s.getFormat() == null ? "" : " " + s.getFormat());
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    private static void enumsIn(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(t -> enumsIn(t, into));
        } else if (type instanceof Class<?> c && c.isEnum()) {
            into.add(c);
        }
    }

    /** The constants as JSON carries them: the {@code wire()} form where the enum has one, else the name. */
    private static List<String> constants(Class<?> type) {
        Method wire;
        try {
            wire = type.getMethod("wire");
        } catch (NoSuchMethodException e) {
            wire = null;
        }
        List<String> constants = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                constants.add(wire == null ? ((Enum<?>) constant).name() : (String) wire.invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return constants;
    }
}
