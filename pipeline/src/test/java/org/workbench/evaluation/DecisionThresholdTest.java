package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;
import org.workbench.data.Task;
import org.workbench.definition.Problem;

/** The threshold a run chooses labels rows with the same comparison that chose and scored it. */
class DecisionThresholdTest {
    private static final Problem BINARY = new Problem("y", Task.CLASSIFICATION, "f1", "yes", List.of("no", "yes"),
            "logistic_regression");

    @Test
    void aProbabilityEqualToTheThresholdIsPositive() {
        Predictions p = Predictions.classification(new String[] {"no", "no", "yes"},
                new double[][] {{0.65, 0.35}, {0.7, 0.3}, {0.2, 0.8}}, List.of("no", "yes"));
        DecisionThreshold t = new DecisionThreshold(0.35, "yes", "f1", "out-of-fold training predictions");
        assertEquals(List.of("yes", "no", "yes"), List.of(t.apply(p).labels()));
        // probabilities are kept; no threshold means the model's own labels
        assertSame(p.probabilities(), t.apply(p).probabilities());
        assertSame(p, DecisionThreshold.apply(null, p));
    }

    @Test
    void thePositiveClassMayBeEitherColumn() {
        Predictions p = Predictions.classification(new String[] {"yes", "no"}, new double[][] {{0.6, 0.4}, {0.45, 0.55}},
                List.of("yes", "no"));
        // P(yes) is the first column here: 0.6 and 0.45 against 0.5
        assertEquals(List.of("yes", "no"), List.of(new DecisionThreshold(0.5, "yes", "f1", "x").apply(p).labels()));
        assertEquals(List.of("yes", "yes"), List.of(new DecisionThreshold(0.45, "yes", "f1", "x").apply(p).labels()));
    }

    @Test
    void theChosenThresholdGivesTheBestF1WhenAppliedToTheRowsItWasChosenOn() {
        Random random = new Random(3);
        int n = 400;
        boolean[] truth = new boolean[n];
        double[] score = new double[n];
        String[] labels = new String[n];
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextDouble() < 0.3;
            // two decimals: many tied scores, which must cross the threshold together
            score[i] = Math.round(Math.min(1, Math.max(0, (truth[i] ? 0.45 : 0.3) + 0.2 * random.nextGaussian())) * 100) / 100.0;
            probabilities[i] = new double[] {1 - score[i], score[i]};
            labels[i] = score[i] > 0.5 ? "yes" : "no";
        }
        DecisionThreshold chosen = Thresholds.choose("f1", BINARY, truth, score, "rows");
        Predictions relabelled = chosen.apply(Predictions.classification(labels, probabilities, List.of("no", "yes")));
        double best = f1(truth, relabelled.labels());
        for (double candidate : score) {
            String[] other = new DecisionThreshold(candidate, "yes", "f1", "rows").apply(
                    Predictions.classification(labels, probabilities, List.of("no", "yes"))).labels();
            assertTrue(f1(truth, other) <= best + 1e-12, "threshold " + candidate + " beats the chosen " + chosen.value());
        }
        assertTrue(chosen.value() < 0.5, "a rare positive class gets a threshold below 0.5: " + chosen.value());
    }

    @Test
    void noThresholdForTheDefaultRuleOrASingleClass() {
        assertNull(Thresholds.choose("default", BINARY, new boolean[] {true, false}, new double[] {0.9, 0.1}, "rows"));
        assertNull(Thresholds.choose("f1", BINARY, new boolean[] {true, true}, new double[] {0.9, 0.1}, "rows"));
    }

    @Test
    void describedWithTheTargetAndThePositiveClassInAnyLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("threshold 0.3712 on P(Survived=1), chosen by f1 on out-of-fold training predictions",
                    new DecisionThreshold(0.37123, "1", "f1", "out-of-fold training predictions").describe("Survived"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFixedThresholdIsAProbabilityBetweenZeroAndOne() throws java.io.IOException {
        assertEquals(0.35, DecisionThreshold.fixedValue("0.35"));
        assertEquals(0.5, DecisionThreshold.fixedValue(".5"));
        for (String notOne : new String[] {"0", "1", "1.0", "1.5", "-0.2", "NaN", "0.35d", "f1", ""}) {
            assertNull(DecisionThreshold.fixedValue(notOne), notOne);
        }
        assertEquals("threshold 0.3500 on P(Survived=1), set by evaluate.threshold",
                new DecisionThreshold(0.35, "1", DecisionThreshold.FIXED, "evaluate.threshold").describe("Survived"));

        java.nio.file.Path titanic = java.nio.file.Path.of("../configs/titanic.yaml");
        assertEquals("0.35", org.workbench.run.ConfigLoader.load(titanic, List.of("evaluate.threshold=0.35")).section(EvaluateConfig.class).threshold());
        var e = assertThrows(org.workbench.config.ConfigException.class,
                () -> org.workbench.run.ConfigLoader.load(titanic, List.of("evaluate.threshold=1.5")));
        assertTrue(e.getMessage().contains("evaluate.threshold: '1.5' is not one of [default, f1, youden] nor a probability"
                + " between 0 and 1 such as 0.35"), e.getMessage());
        var typo = assertThrows(org.workbench.config.ConfigException.class,
                () -> org.workbench.run.ConfigLoader.load(titanic, List.of("evaluate.threshold=youdn")));
        assertTrue(typo.getMessage().endsWith("did you mean 'youden'?"), typo.getMessage());
    }

    @Test
    void refusesPredictionsItCannotRelabel() {
        Predictions threeClasses = Predictions.classification(new String[] {"a"}, new double[][] {{0.2, 0.3, 0.5}},
                List.of("a", "b", "c"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionThreshold(0.5, "a", "f1", "x").apply(threeClasses));
        Predictions noProbabilities = Predictions.classification(new String[] {"no"}, null, List.of("no", "yes"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionThreshold(0.5, "yes", "f1", "x").apply(noProbabilities));
    }

    private static double f1(boolean[] truth, String[] labels) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean predicted = labels[i].equals("yes");
            tp += truth[i] && predicted ? 1 : 0;
            fp += !truth[i] && predicted ? 1 : 0;
            fn += truth[i] && !predicted ? 1 : 0;
        }
        return 2.0 * tp / (2 * tp + fp + fn);
    }
}
