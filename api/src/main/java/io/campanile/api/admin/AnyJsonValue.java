package io.campanile.api.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component that the server accepts as any JSON value: a JSON string is
 * taken as it is, any other value (object, array, number, boolean) as its JSON text. Users send
 * {@code "parameters": {"day": 3}} as readily as {@code "parameters": "{\"day\": 3}"}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface AnyJsonValue {}
