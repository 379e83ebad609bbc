package io.campanile.api.admin;

import java.util.List;

/**
 * One instance with the history of its attempts.
 *
 * @param instance the instance and its current attempt
 * @param earlierAttempts the attempts before the current one, first first; empty when it never was retried
 * @param history every move of the instance, oldest first: its creation, each attempt's claim and outcome, and every
 *     retry, release, cancellation, operator's action or failure for want of a worker, each with its time, cause,
 *     worker and (where kept) server and epoch
 */
public record InstanceDetail(InstanceView instance, List<AttemptView> earlierAttempts, List<InstanceEvent> history) {}
