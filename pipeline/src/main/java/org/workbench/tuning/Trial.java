package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One setting tried by the search and its cross-validated score: mean and sample standard
 * deviation over the folds, each fold's score, the number of training rows it was scored on (fewer
 * than all in early rounds of successive halving), the halving round, and the time it took.
 */
public record Trial(int number, Map<String, JsonNode> params, double mean, double std, double[] folds, int rows,
                    int rung, long millis) {

    /** A trial from its fold scores: their mean and sample standard deviation, NaN folds left out. */
    public static Trial of(int number, Map<String, JsonNode> params, double[] folds, int rows, int rung, long millis) {
        double[] ms = TrialScorer.meanStd(folds);
        return new Trial(number, params, ms[0], ms[1], folds, rows, rung, millis);
    }
}
