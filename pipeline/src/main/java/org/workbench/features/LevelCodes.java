package org.workbench.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import tech.tablesaw.api.StringColumn;

/**
 * Replaces each category by the number fitted for it (its position, its training share, ...);
 * missing and unseen categories get {@code unseen}, and are counted so the caller can report them.
 */
record LevelCodes(double[] values, long unseen) {

    static LevelCodes encode(StringColumn column, List<String> levels, List<Double> codes, double unseen) {
        Map<String, Double> code = new HashMap<>();
        for (int j = 0; j < levels.size(); j++) {
            code.put(levels.get(j), codes.get(j));
        }
        double[] values = new double[column.size()];
        long unknown = 0;
        for (int i = 0; i < values.length; i++) {
            Double v = code.get(column.get(i));
            values[i] = v == null ? unseen : v;
            unknown += v == null ? 1 : 0;
        }
        return new LevelCodes(values, unknown);
    }

    /** How many levels a summary lists before "... N more". */
    private static final int LISTED = 6;

    /** The first levels' entries, e.g. "C 0.1882, Q 0.0857, ... 4 more": one summary style for every level encoder. */
    static String listed(List<String> levels, IntFunction<String> entry) {
        List<String> shown = new ArrayList<>();
        for (int j = 0; j < Math.min(levels.size(), LISTED); j++) {
            shown.add(entry.apply(j));
        }
        return String.join(", ", shown) + (levels.size() > LISTED ? ", ... " + (levels.size() - LISTED) + " more" : "");
    }
}
