package org.workbench.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * How one input column (or the model's predictions) compares with the training rows.
 * {@code test} is "ks" (two-sample Kolmogorov-Smirnov, numbers) or "chi2" (chi-squared on the level
 * counts, categories); {@code statistic} and {@code pValue} are null when the test needs more rows
 * than there are. {@code missingPValue} is the chi-squared test's on the missing and present
 * counts (null when neither side has a missing cell, or there are no new rows). {@code unseenShare} is the share of new non-missing values that are levels the
 * training rows never had (null for numbers, or when the profile counted rare levels together).
 * {@code bins}, {@code trainShares} and {@code newShares} are the distributions compared by the PSI.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ColumnDrift(String name, String type, int rows, Double psi, String test, Double statistic, Double pValue,
                          double trainMissing, double newMissing, Double missingPValue, Double unseenShare, String status,
                          List<String> bins, List<Double> trainShares, List<Double> newShares) {

    public boolean drifted() {
        return DriftRules.DRIFTED.equals(status);
    }

    public double missingChange() {
        return newMissing - trainMissing;
    }
}
