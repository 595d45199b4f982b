package org.workbench.tuning;

import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving over training-set size, as in scikit-learn's {@code HalvingGridSearchCV}: every
 * candidate is first scored on few rows, the best 1/factor go on to factor times as many rows, and
 * so on; the last rung always uses every training row. There are
 * {@code 1 + floor(log_factor(candidates))} rungs, fewer when the first would drop under
 * {@code minRows}. Rung i scores {@code ceil(candidates / factor^i)} candidates on
 * {@code rows / factor^(rungs - 1 - i)} rows.
 */
public final class HalvingSchedule {
    private HalvingSchedule() {
    }

    /** One round: how many candidates are scored and on how many training rows. */
    public record Rung(int index, int candidates, int rows) {
    }

    public static List<Rung> plan(int candidates, int rows, int factor, int minRows) {
        if (candidates < 1 || factor < 2 || rows < 1) {
            throw new IllegalArgumentException("need candidates >= 1, factor >= 2, rows >= 1; got "
                    + candidates + ", " + factor + ", " + rows);
        }
        int needed = 1;
        for (long c = candidates; c >= factor; c /= factor) {
            needed++;
        }
        int possible = 1;
        for (long r = rows; r / factor >= minRows; r /= factor) {
            possible++;
        }
        int rungs = Math.min(needed, possible);
        List<Rung> plan = new ArrayList<>();
        for (int i = 0; i < rungs; i++) {
            long shrink = pow(factor, rungs - 1 - i);
            long keep = pow(factor, i);
            int n = (int) Math.max(1, (candidates + keep - 1) / keep);
            plan.add(new Rung(i, n, (int) Math.round((double) rows / shrink)));
        }
        return plan;
    }

    private static long pow(int base, int exponent) {
        long v = 1;
        for (int i = 0; i < exponent; i++) {
            v *= base;
        }
        return v;
    }
}
