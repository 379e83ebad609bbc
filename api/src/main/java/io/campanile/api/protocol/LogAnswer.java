package io.campanile.api.protocol;

import java.util.List;

/**
 * What a server did with a batch of log lines.
 *
 * @param stored how many lines are stored now (a line sent before counts)
 * @param refused the attempts whose lines were not stored, with why (not this worker's, unknown): the worker drops them
 */
public record LogAnswer(int stored, List<Refusal> refused) {}
