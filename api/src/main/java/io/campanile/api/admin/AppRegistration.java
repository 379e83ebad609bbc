package io.campanile.api.admin;

/** Creates an app. The secret is what the app's workers present; it is stored hashed. */
public record AppRegistration(String name, String secret) {}
