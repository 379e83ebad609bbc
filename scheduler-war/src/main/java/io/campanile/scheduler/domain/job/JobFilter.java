package io.campanile.scheduler.domain.job;

/**
 * Which live jobs of an app a listing shows.
 *
 * @param namePrefix names that start with this; null for any
 * @param enabled only enabled (true) or only paused (false) jobs; null for both
 */
public record JobFilter(String appName, String namePrefix, Boolean enabled) {}
