package io.campanile.api.admin;

/** One job of a bulk change or an import, and what was done to it. */
public record JobResult(long id, String name, JobChange change) {}
