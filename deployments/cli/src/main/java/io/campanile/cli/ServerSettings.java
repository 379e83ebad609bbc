package io.campanile.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Which server the tool talks to and with which admin token. Each of the two is taken from the first place that
 * has it: the option ({@code --url}, {@code --token}), the environment ({@code CAMPANILE_URL}, {@code
 * CAMPANILE_TOKEN}), the configuration file ({@code --config}, else {@code ~/.campanile/cli.properties}, keys
 * {@code url} and {@code token}). The token never appears in a message or in {@link #toString()}.
 */
public record ServerSettings(URI url, String token) {

    public static final String URL_VARIABLE = "CAMPANILE_URL";
    public static final String TOKEN_VARIABLE = "CAMPANILE_TOKEN";

    /** The configuration file read when {@code --config} is not given. */
    public static Path defaultConfigFile(Path home) {
        return home.resolve(".campanile").resolve("cli.properties");
    }

    /**
     * @param urlOption {@code --url}, or null
     * @param tokenOption {@code --token}, or null
     * @param configOption {@code --config}, or null for the default file (which may be absent)
     */
    public static ServerSettings resolve(
            String urlOption, String tokenOption, Path configOption, CliEnvironment environment) {
        Properties file = readConfig(configOption, environment);
        String url = firstOf(urlOption, environment.variable(URL_VARIABLE), file.getProperty("url"));
        String token = firstOf(tokenOption, environment.variable(TOKEN_VARIABLE), file.getProperty("token"));
        String configName = configOption == null ? "~/.campanile/cli.properties" : configOption.toString();
        if (url == null) {
            throw new CliUsageException("no server URL: give --url, set " + URL_VARIABLE + " or put url=... in "
                    + configName + " (for example http://127.0.0.1:8080/campanile)");
        }
        if (token == null) {
            throw new CliUsageException(
                    "no admin token: give --token, set " + TOKEN_VARIABLE + " or put token=... in " + configName);
        }
        return new ServerSettings(parseUrl(url), token);
    }

    private static Properties readConfig(Path configOption, CliEnvironment environment) {
        Path file = configOption != null ? configOption : defaultConfigFile(environment.home());
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            if (configOption != null) {
                throw new CliUsageException("configuration file " + file + " does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new CliUsageException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
                throw new CliUsageException("server URL '" + url + "' is not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliUsageException("server URL '" + url + "' is not a URL: " + e.getReason(), e);
        }
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ServerSettings[url=" + url + ", token=(hidden)]";
    }
}
