package io.campanile.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the tool reads from outside its arguments: the environment variables and the home directory (where the
 * default configuration file is). Tests pass their own.
 */
public record CliEnvironment(Map<String, String> variables, Path home) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The real process environment and {@code user.home}. */
    public static CliEnvironment ofProcess() {
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The variable's value, or null when unset or blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
