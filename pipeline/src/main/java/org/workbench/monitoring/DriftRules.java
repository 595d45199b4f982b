package org.workbench.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented thresholds behind every drift decision, in one place.
 *
 * <p>A column (or the predictions) is <b>drifted</b> when its population stability index on the
 * training bins is at least {@value #PSI_MAJOR} and the two-sample test rejects "same distribution"
 * at p &lt; {@value #ALPHA}, or when its missing share moved by at least {@value #MISSING_CHANGE}
 * (absolute) and a chi-squared test on the missing and present counts agrees (p &lt; {@value #ALPHA}). It is <b>moderate</b> when the index is at least {@value #PSI_MODERATE} (but below
 * {@value #PSI_MAJOR}) and the test rejects. The PSI bands are the ones commonly used in credit
 * scoring (below 0.1 no real change, 0.1 to 0.25 a change worth a look, 0.25 and above a shift).
 * Both must agree because each fails alone: on a few rows the index is noisy, on many rows the test
 * rejects changes too small to matter.
 *
 * <p>The <b>dataset</b> drifted when at least {@value #DATASET_SHARE} of the input columns drifted,
 * or the predictions did (a shift in what the model answers matters whichever columns caused it).
 */
public final class DriftRules {
    public static final double PSI_MODERATE = 0.1;
    public static final double PSI_MAJOR = 0.25;
    public static final double ALPHA = 0.05;
    public static final double MISSING_CHANGE = 0.10;
    public static final double DATASET_SHARE = 0.5;
    /** An empty bin counts as this share in the index, so that ln(0) never occurs (a common convention). */
    public static final double EMPTY_SHARE = 1e-4;

    public static final String STABLE = "stable";
    public static final String MODERATE = "moderate";
    public static final String DRIFTED = "drifted";

    private DriftRules() {
    }

    /** The status of one column from its scores; a p-value is null when its test was not possible. */
    static String status(Double psi, Double pValue, double missingChange, Double missingPValue) {
        if (Math.abs(missingChange) >= MISSING_CHANGE && missingPValue != null && missingPValue < ALPHA) {
            return DRIFTED;
        }
        if (psi == null || pValue == null || pValue >= ALPHA) {
            return STABLE;
        }
        return psi >= PSI_MAJOR ? DRIFTED : psi >= PSI_MODERATE ? MODERATE : STABLE;
    }

    /** The thresholds, for drift.json. */
    public static Map<String, Double> asMap() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("psi_moderate", PSI_MODERATE);
        out.put("psi_major", PSI_MAJOR);
        out.put("alpha", ALPHA);
        out.put("missing_change", MISSING_CHANGE);
        out.put("dataset_share", DATASET_SHARE);
        out.put("empty_share", EMPTY_SHARE);
        return out;
    }

    /** The rule in one sentence, for the terminal and drift.html. */
    public static String describe() {
        return String.format(java.util.Locale.ROOT, "a column drifted when PSI >= %.2f and its test gives p < %.2f, or its"
                + " missing share moved by %.2f or more, also with p < %.2f (moderate: PSI >= %.2f and p < %.2f); the data drifted when at least"
                + " %.0f%% of the columns or the predictions drifted", PSI_MAJOR, ALPHA, MISSING_CHANGE, ALPHA, PSI_MODERATE, ALPHA,
                DATASET_SHARE * 100);
    }
}
