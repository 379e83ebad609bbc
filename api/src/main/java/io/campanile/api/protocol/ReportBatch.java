package io.campanile.api.protocol;

import java.util.List;

/**
 * The outcomes of a worker's attempts, sent together. Any server records them; repeating a batch
 * (the answer was lost) is safe: an outcome already recorded is counted as recorded again.
 */
public record ReportBatch(String workerId, List<Outcome> outcomes) {}
