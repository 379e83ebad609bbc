package io.campanile.api.admin;

import java.util.List;

/**
 * One instance with the history of its attempts.
 *
 * @param instance the instance and its current attempt
 * @param earlierAttempts the attempts before the current one, first first; empty when it never was retried
 */
public record InstanceDetail(InstanceView instance, List<AttemptView> earlierAttempts) {}
