package io.campanile.worker.config;

/** A setting is missing or malformed; the message names the key (never its value if it is the secret). */
public class InvalidSettingException extends Exception {

    private final String key;

    public InvalidSettingException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
