package io.campanile.api.protocol;

import java.util.List;

/** How many outcomes of a {@link ReportBatch} are recorded, and which were refused and why. */
public record ReportAnswer(int recorded, List<Refusal> refused) {}
