package org.workbench.fairness;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What the fairness audit records in the evaluation's part of {@code run.json} and {@code metrics.json}:
 * the audit of the test rows, of every cross-validation fold, and the mean and standard deviation of
 * each gap over the folds. {@code positiveClass} is the class whose rate is compared (null for
 * regression); {@code predictions} says which predictions were audited.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FairnessRecord(List<String> groups, int minGroupSize, String positiveClass, String predictions,
                             List<Audit> test, List<FoldAudit> cvFolds, List<FoldGaps> cv) {

    /**
     * The groups of one column ({@code by} is its name) or of an intersection ("sex & race"), and the
     * gaps between those with at least {@code min_group_size} rows. {@code note} says why a gap is missing.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audit(String by, List<Group> groups, Gap demographicParity, Gap equalizedOdds, Gap rmse, Gap mae,
                        String note) {
    }

    /**
     * One group's rows and metrics. Classification: the share truly positive (base rate, what the
     * truth itself would select), the share predicted positive, accuracy, precision,
     * recall (true-positive rate) and false-positive rate; regression: rmse and mae. A metric whose
     * denominator is zero is null, and so is every metric of a group that is too small.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String name, int count, boolean tooSmall, Double baseRate, Double selectionRate, Double accuracy,
                        Double precision, Double recall, Double falsePositiveRate, Double rmse, Double mae) {
    }

    /**
     * The largest gap of one metric between two groups: {@code difference} (highest minus lowest) and
     * {@code ratio} (lowest over highest; null when the highest is 0), the two groups, and the same in
     * words. For equalized odds, the larger of the true- and false-positive-rate differences and the
     * smaller of their ratios; {@code metric} names the rate whose pair is given.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(String metric, double difference, Double ratio, String lowest, String highest, String words) {
    }

    /** One cross-validation fold's audit, numbered from 1 in fold order. */
    @JsonPropertyOrder(alphabetic = true)
    public record FoldAudit(int fold, List<Audit> audits) {
    }

    /**
     * Over the folds, per grouping: each gap's {@code [mean, std]} (sample standard deviation; NaN
     * with one fold), keyed demographic_parity_difference, demographic_parity_ratio,
     * equalized_odds_difference, equalized_odds_ratio (classification) or rmse_difference, mae_difference.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record FoldGaps(String by, Map<String, double[]> gaps) {
    }
}
