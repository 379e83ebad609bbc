package io.campanile.api.protocol;

import java.util.List;

/** Which attempts of a {@link ClaimRequest} are now the worker's to run, and why the others are not. */
public record ClaimAnswer(List<Claim> claimed, List<Refusal> refused) {}
