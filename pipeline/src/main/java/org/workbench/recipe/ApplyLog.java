package org.workbench.recipe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects what fitted steps noticed while transforming rows they were not fitted on, such as
 * categories never seen in training, so the caller can report the counts.
 */
public final class ApplyLog {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public void count(String what, long n) {
        if (n > 0) {
            counts.merge(what, n, Long::sum);
        }
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(v).append(' ').append(k));
        return sb.toString();
    }
}
