package io.campanile.scheduler.domain.election;

/** This server: a fresh id per start, and the URL other servers and workers reach it at. */
public record ServerIdentity(String id, String url) {}
