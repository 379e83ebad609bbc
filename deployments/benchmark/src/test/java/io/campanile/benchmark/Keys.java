package io.campanile.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Names of the runs the benchmark creates in the peers, and batches of them. */
final class Keys {

    private Keys() {}

    /** {@code prefix-0}, {@code prefix-1}... */
    static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    /** {@code items} cut into consecutive lists of at most {@code size}. */
    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
