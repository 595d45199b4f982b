package org.workbench.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The missing markers other than "" (an empty cell is always missing), looked up on every cell of
 * the file: grouped by first character, so a cell is compared only with the few markers that start
 * like it and has its length (a number rarely shares both with a marker).
 */
final class MissingMarkers {
    private final String[][] byFirstChar = new String[128][];
    /** Per first character: bit n set when a marker of length n (below 64) starts with it. */
    private final long[] lengths = new long[128];
    private final String[] others;

    MissingMarkers(List<String> markers) {
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            groups.add(new ArrayList<>());
        }
        List<String> rest = new ArrayList<>();
        for (String marker : new LinkedHashSet<>(markers)) {
            if (marker.isEmpty()) {
                continue;
            }
            char first = marker.charAt(0);
            (first < 128 ? groups.get(first) : rest).add(marker);
        }
        for (int i = 0; i < 128; i++) {
            byFirstChar[i] = groups.get(i).isEmpty() ? null : groups.get(i).toArray(String[]::new);
            for (String marker : groups.get(i)) {
                lengths[i] |= marker.length() < 64 ? 1L << marker.length() : 1L << 63;
            }
        }
        others = rest.toArray(String[]::new);
    }

    /** True when the (non-empty) cell is one of the markers. */
    boolean contains(String cell) {
        char first = cell.charAt(0);
        if (first < 128) {
            int length = cell.length();
            if ((lengths[first] & (length < 64 ? 1L << length : 1L << 63)) == 0) {
                return false;
            }
        }
        String[] candidates = first < 128 ? byFirstChar[first] : others;
        if (candidates != null) {
            for (String marker : candidates) {
                if (marker.equals(cell)) {
                    return true;
                }
            }
        }
        return false;
    }
}
