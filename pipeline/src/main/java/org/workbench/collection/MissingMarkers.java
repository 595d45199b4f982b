package org.workbench.collection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The missing markers other than "" (an empty cell is always missing), looked up on every cell of
 * the file: grouped by first character, so a cell is compared only with the few markers that start
 * like it (most numbers start with a digit no marker starts with).
 */
final class MissingMarkers {
    private final String[][] byFirstChar = new String[128][];
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
        }
        others = rest.toArray(String[]::new);
    }

    /** True when the (non-empty) cell is one of the markers. */
    boolean contains(String cell) {
        char first = cell.charAt(0);
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
