package io.campanile.api.admin;

/** The body of every 4xx and 5xx answer: the status and a message that names the problem. */
public record ErrorView(int status, String message) {}
