package io.campanile.api.admin;

/**
 * Gives an app a new secret, the current one staying valid for a grace period so that its workers can be moved to
 * the new one without downtime.
 *
 * @param secret the new secret, 8-200 characters
 * @param grace an ISO-8601 duration, {@code PT0S} to {@code P7D}: how long the secret replaced stays valid; {@code
 *     PT1H} when absent. {@code PT0S} refuses it at once
 */
public record SecretRotation(String secret, String grace) {

    @Override
    public String toString() {
        return "SecretRotation[secret=hidden, grace=" + grace + "]";
    }
}
