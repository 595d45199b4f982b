package org.workbench.tuning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.workbench.lab.LabRecord;
import org.workbench.stage.StageRecord;
import org.workbench.stats.CorrectedTTest;

/**
 * What the tuning stage records in {@code run.json}: the search (method, metric, folds, threads, the
 * number of settings, the configured setting's score, every trial, the leaderboard as trial numbers
 * best first, the best trial, the halving rounds), the did-tuning-help test and its verdict, whether
 * the best setting was adopted, the final model's test scores and the tuned config's file name; the
 * lab's results when it ran. Only {@code skipped} when the stage did nothing; only {@code method} and
 * {@code out_of_time} when the time budget ran out before any setting was scored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningRecord(Boolean skipped, String method, String metric, Integer cvFolds, Integer threads, Integer settings,
                           Trial configured, List<Trial> trials, List<Integer> leaderboard, Trial best,
                           List<HalvingSchedule.Rung> halving, Boolean outOfTime, Significance significance, String verdict,
                           Boolean adopted, Map<String, Double> test, String tunedConfig, LabRecord lab) implements StageRecord {

    /** The corrected resampled t-test of the best setting against the configured one, on the same folds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record Significance(double meanGain, double t, int df, double pValue, double alpha, boolean significant) {
        static Significance of(CorrectedTTest.Result test, double alpha, boolean significant) {
            return new Significance(test.meanDifference(), test.t(), test.degreesOfFreedom(), test.pValue(), alpha, significant);
        }
    }

    /** No search ran (only the lab, added by {@link #withLab}). */
    static final TuningRecord NO_SEARCH = new TuningRecord(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /** The time budget ran out before any setting was scored. */
    public static TuningRecord outOfTime(String method) {
        return new TuningRecord(null, method, null, null, null, null, null, null, null, null, null, true, null, null, null, null,
                null, null);
    }

    static TuningRecord skippedRun() {
        return new TuningRecord(true, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same record with the lab's results. */
    TuningRecord withLab(LabRecord results) {
        return new TuningRecord(skipped, method, metric, cvFolds, threads, settings, configured, trials, leaderboard, best, halving,
                outOfTime, significance, verdict, adopted, test, tunedConfig, results);
    }

    /**
     * The part of this record that {@code metrics.json} holds: everything but the trials (their times vary
     * from run to run) and the configured and best trials, of which the best one's setting and scores stay.
     */
    public Metrics metrics() {
        return new Metrics(method, metric, cvFolds, threads, settings, leaderboard, best == null ? null : best.params(),
                best == null ? null : best.mean(), best == null ? null : best.std(), halving, outOfTime, significance, verdict,
                adopted, test, tunedConfig, lab);
    }

    /** The tuning stage's part of {@code metrics.json}: deterministic for the same config, data and seed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(String method, String metric, Integer cvFolds, Integer threads, Integer settings,
                         List<Integer> leaderboard, Map<String, JsonNode> bestParams, Double bestCvMean, Double bestCvStd,
                         List<HalvingSchedule.Rung> halving, Boolean outOfTime, Significance significance, String verdict,
                         Boolean adopted, Map<String, Double> test, String tunedConfig, LabRecord lab) {
    }
}
