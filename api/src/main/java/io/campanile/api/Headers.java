package io.campanile.api;

/** HTTP header names of the Campanile protocol. */
public final class Headers {

    /** The app a worker speaks for; its secret goes in {@code Authorization: Bearer ...}. */
    public static final String APP = "Campanile-App";

    private Headers() {}

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
