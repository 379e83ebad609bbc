package io.campanile.worker.ejb;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/** MicroProfile Config as the key/value source of {@link io.campanile.worker.config.SettingsReader}. */
final class MicroProfileSettings {

    private MicroProfileSettings() {}

    static Function<String, Optional<String>> of(Config config) {
        return key -> config.getOptionalValue(key, String.class);
    }
}
