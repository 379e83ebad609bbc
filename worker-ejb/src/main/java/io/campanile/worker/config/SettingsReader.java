package io.campanile.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads {@link WorkerSettings} from a key/value source such as MicroProfile Config. */
public final class SettingsReader {

    public static final String APP = "campanile.app";
    public static final String SECRET = "campanile.app.secret";
    public static final String SERVERS = "campanile.servers";
    public static final String WORKER_ID = "campanile.worker.id";
    public static final String CAPACITY = "campanile.worker.capacity";
    public static final String PREFETCH = "campanile.worker.prefetch";
    public static final String HEARTBEAT_MILLIS = "campanile.worker.heartbeat-millis";
    public static final String DISCOVERY_MILLIS = "campanile.worker.discovery-millis";
    public static final String HEARTBEAT_TIMEOUT_MILLIS = "campanile.worker.heartbeat-timeout-millis";
    public static final String SHUTDOWN_GRACE_MILLIS = "campanile.worker.shutdown-grace-millis";
    public static final String TAGS = "campanile.worker.tags";
    public static final String LOG_MAX_BYTES = "campanile.worker.log-max-bytes";

    /** A tag: what a job's routing names; the server refuses others. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int MAX_TAGS = 32;

    static final String DEFAULT_SERVERS = "http://127.0.0.1:8080/campanile";

    private final Function<String, Optional<String>> source;
    private final Supplier<String> hostName;

    /**
     * @param source the value of a key, empty when it is not set
     * @param hostName the host name the default worker id starts with
     */
    public SettingsReader(Function<String, Optional<String>> source, Supplier<String> hostName) {
        this.source = source;
        this.hostName = hostName;
    }

    public WorkerSettings read() throws InvalidSettingException {
        String app = required(APP);
        String secret = required(SECRET);
        List<URI> servers = servers(value(SERVERS).orElse(DEFAULT_SERVERS));
        String workerId = value(WORKER_ID).orElseGet(this::defaultWorkerId);
        int capacity = (int) number(CAPACITY, 8, 1, 10_000);
        // like db-scheduler's default fetch, which holds up to three times its threads in work
        int prefetch = (int) number(PREFETCH, Math.min(10_000, 2L * capacity), 0, 10_000);
        Duration heartbeat = Duration.ofMillis(number(HEARTBEAT_MILLIS, 1000, 100, 3_600_000));
        Duration discovery = Duration.ofMillis(number(DISCOVERY_MILLIS, 5000, 100, 3_600_000));
        Duration heartbeatTimeout = Duration.ofMillis(number(HEARTBEAT_TIMEOUT_MILLIS, 1000, 100, 60_000));
        Duration grace = Duration.ofMillis(number(SHUTDOWN_GRACE_MILLIS, 2000, 0, 600_000));
        return new WorkerSettings(
                app,
                secret,
                servers,
                workerId,
                capacity,
                prefetch,
                heartbeat,
                discovery,
                Timeouts.defaults().withHeartbeatRead(heartbeatTimeout).withShutdownGrace(grace),
                tags(value(TAGS).orElse("")),
                number(LOG_MAX_BYTES, WorkerSettings.DEFAULT_LOG_MAX_BYTES, 0, 100L << 20));
    }

    private static List<String> tags(String list) throws InvalidSettingException {
        List<String> tags = new ArrayList<>();
        for (String part : list.split(",")) {
            String tag = part.trim();
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidSettingException(
                        TAGS, TAGS + " holds '" + tag + "': a tag is 1-64 letters, digits, '.', '_' or '-'");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidSettingException(TAGS, TAGS + " names " + tags.size() + " tags, at most " + MAX_TAGS);
        }
        return tags;
    }

    /** The environment variable MicroProfile Config maps to a key, for error messages. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private Optional<String> value(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private String required(String key) throws InvalidSettingException {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            throw new InvalidSettingException(
                    key,
                    key + " is required: set it in the application's"
                            + " META-INF/microprofile-config.properties, as a system property or as environment variable "
                            + environmentName(key));
        }
        return value.get();
    }

    private long number(String key, long defaultValue, long min, long max) throws InvalidSettingException {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(
                key, key + " must be a whole number from " + min + " to " + max + ", not '" + value.get() + "'");
    }

    private static List<URI> servers(String list) throws InvalidSettingException {
        List<URI> servers = new ArrayList<>();
        for (String part : list.split(",")) {
            String url = part.trim();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            if (url.isEmpty()) {
                continue;
            }
            servers.add(serverUri(url));
        }
        if (servers.isEmpty()) {
            throw new InvalidSettingException(SERVERS, SERVERS + " names no server URL");
        }
        return servers;
    }

    private static URI serverUri(String url) throws InvalidSettingException {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidSettingException(
                SERVERS, SERVERS + " holds '" + url + "', which is not an http(s) URL such as " + DEFAULT_SERVERS);
    }

    private String defaultWorkerId() {
        return hostName.get() + "-"
                + Integer.toHexString(0x10000 + ThreadLocalRandom.current().nextInt(0x10000))
                        .substring(1);
    }
}
