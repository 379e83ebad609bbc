package io.campanile.scheduler.interfaces.rest;

import io.campanile.api.admin.AnyJsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link StrictJson} needs to know of a record type, looked up by reflection once per type rather than for
 * every object of every request: a batch of 1,000 outcomes is 1,000 records, and reflecting on each cost more
 * than reading its JSON.
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final RecordComponent[] components;
    private final Map<String, Integer> indexByName;
    private final boolean[] anyJson;
    private final Constructor<?> canonical;

    private RecordShape(Class<?> type) {
        components = type.getRecordComponents();
        Map<String, Integer> byName = new LinkedHashMap<>();
        anyJson = new boolean[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            byName.put(components[i].getName(), i);
            anyJson[i] = components[i].isAnnotationPresent(AnyJsonValue.class);
            types[i] = components[i].getType();
        }
        indexByName = Collections.unmodifiableMap(byName);
        try {
            canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
        }
    }

    static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    int size() {
        return components.length;
    }

    /** The index of the component named {@code name}, or -1. */
    int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    Iterable<String> names() {
        return indexByName.keySet();
    }

    RecordComponent component(int index) {
        return components[index];
    }

    /** Whether the component takes any JSON value ({@link AnyJsonValue}). */
    boolean takesAnyJson(int index) {
        return anyJson[index];
    }

    Constructor<?> canonical() {
        return canonical;
    }
}
