package org.workbench.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What the overfitting lab measured, under the tuning stage's {@code lab} in {@code run.json}: the
 * metric, folds and baseline, the thresholds its diagnoses use, each curve or comparison that ran (the
 * others are absent) and the diagnosis texts in order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabRecord(String metric, int cvFolds, double baseline, Thresholds thresholds, Curve validationCurve,
                        Curve learningCurve, BiasVarianceRecord biasVariance, LeakageRecord leakage, List<String> diagnosis) {

    /** The diagnosis limits: {@code evaluate.overfit_gap} and {@code tune.lab.underfit_share}, and what they come to in metric units. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record Thresholds(double overfitGap, double underfitShare, double gapLimit, double underfitLevel) {
    }

    /** A validation curve (over {@code path}, shown as {@code param}) or a learning curve (no path), and its diagnosis. */
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Curve(String path, String param, List<CurvePoint> points, Diagnosis.Finding diagnosis) {
    }

    /** Bias-variance by bootstrap over {@code path} (null: the configured setting only). */
    @JsonPropertyOrder(alphabetic = true)
    public record BiasVarianceRecord(String path, int rounds, double holdout, List<BiasVariance.Point> points, String text) {
    }

    /** Each fold's score with the recipe fitted before the folds (leaky) and inside each fold (honest), and the t-test. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record LeakageRecord(double[] leakyFolds, double[] honestFolds, double leakyMean, double honestMean, double difference,
                                double pValue, String text) {
    }
}
