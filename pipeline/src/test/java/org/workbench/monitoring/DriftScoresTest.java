package org.workbench.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.workbench.deployment.TrainingProfile;
import org.workbench.deployment.TrainingProfile.Distribution;

/** PSI, KS and chi-squared scores against hand-computed values and commons-math's own. */
class DriftScoresTest {

    @Test
    void psiMatchesTheFormulaByHand() {
        // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5) = 0.25 (ln 2 + ln 1.5)
        assertEquals(0.25 * (Math.log(2) + Math.log(1.5)), DriftScores.psi(new long[] {50, 50}, new long[] {25, 75}), 1e-12);
        assertEquals(0.0, DriftScores.psi(new long[] {10, 30}, new long[] {20, 60}), 1e-12);
        // an empty bin counts as a share of 1e-4: (0.5 - 1e-4) ln(0.5 / 1e-4) + (0.5 - 1) ln(0.5 / 1)
        double expected = (0.5 - 1e-4) * Math.log(0.5 / 1e-4) + (0.5 - 1.0) * Math.log(0.5);
        assertEquals(expected, DriftScores.psi(new long[] {0, 100}, new long[] {50, 50}), 1e-12);
        assertNull(DriftScores.psi(new long[] {0, 0}, new long[] {1, 2}));
    }

    @Test
    void decileBinsComeFromTheTrainingQuantiles() {
        double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        Distribution d = Distribution.numbers(values);
        // Quantiles.of at 0.1: 1 + 0.1 * 99 = 10.9, ..., at 0.9: 90.1
        assertEquals(9, d.edges().size());
        assertEquals(10.9, d.edges().get(0), 1e-12);
        assertEquals(90.1, d.edges().get(8), 1e-12);
        assertEquals(List.of(10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L), d.binCounts());
        // ties collapse edges: a column that is mostly 0 keeps one bin for all its zeros
        Distribution ties = Distribution.numbers(new double[] {0, 0, 0, 0, 0, 0, 0, 1, 2, 3, Double.NaN});
        assertEquals(0.0, ties.edges().get(0));
        assertEquals(7L, ties.binCounts().get(0));
        assertEquals(1.0 / 11, ties.missingRate(), 1e-12);
    }

    @Test
    void ksIsCommonsMathsTwoSampleTestAndItsStatisticIsTheLargestGapOfTheEcdfs() {
        Distribution train = Distribution.numbers(new double[] {1, 2, 3, 4});
        ColumnDrift d = DriftScores.numbers("x", train, new double[] {3, 4, 5, 6, Double.NaN});
        // ECDFs at 2: 0.5 (training) vs 0 (new); at 4: 1 vs 0.5
        assertEquals(0.5, d.statistic(), 1e-12);
        // 4 x 4 values: commons-math's exact p-value of D = 0.5
        assertEquals(new KolmogorovSmirnovTest().exactP(0.5, 4, 4, true), d.pValue(), 1e-12);
        assertEquals(0.2, d.newMissing(), 1e-12);
        assertEquals("ks", d.test());
    }

    @Test
    void withoutTiesTheTestIsCommonsMathsOwnTwoSampleTestAndWithTiesItStillAnswersTheSameEveryTime() {
        Random random = new Random(3);
        for (int[] sizes : new int[][] {{30, 20}, {200, 40}, {500, 200}}) {
            double[] train = random.doubles(sizes[0]).toArray();
            double[] fresh = random.doubles(sizes[1]).map(v -> v + 0.2).toArray();
            ColumnDrift d = DriftScores.numbers("x", Distribution.numbers(train), fresh);
            KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
            assertEquals(ks.kolmogorovSmirnovStatistic(train, fresh), d.statistic(), 1e-12);
            assertEquals(ks.kolmogorovSmirnovTest(train, fresh), d.pValue(), 1e-12);
        }
        // small counts with many ties: commons-math's own test jitters them at random (and can fail); this one does not
        double[] train = IntStream.range(0, 100).mapToDouble(i -> i % 10 / 10.0).toArray();
        double[] fresh = IntStream.range(0, 50).mapToDouble(i -> i % 5 / 5.0 + 0.3).toArray();
        ColumnDrift first = DriftScores.numbers("x", Distribution.numbers(train), fresh);
        assertEquals(first, DriftScores.numbers("x", Distribution.numbers(train), fresh));
        assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(train, fresh), first.statistic(), 1e-12);
        assertTrue(first.pValue() > 0 && first.pValue() <= 1);
    }

    @Test
    void aLargeTrainingColumnIsRepresentedByItsQuantilesWithTheRealRowCount() {
        Random random = new Random(7);
        double[] train = random.doubles(5000).map(v -> v * 10).toArray();
        double[] shifted = random.doubles(300).map(v -> v * 10 + 1.5).toArray();
        Distribution profile = Distribution.numbers(train);
        assertEquals(TrainingProfile.SAMPLE, profile.sample().size());
        ColumnDrift d = DriftScores.numbers("x", profile, shifted);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double exactD = ks.kolmogorovSmirnovStatistic(train, shifted);
        assertEquals(exactD, d.statistic(), 0.005);
        assertEquals(ks.approximateP(d.statistic(), 5000, 300), d.pValue(), 1e-12);
        assertTrue(d.pValue() < 1e-6 && d.psi() > DriftRules.PSI_MAJOR, d.toString());
        assertEquals(DriftRules.DRIFTED, d.status());
    }

    @Test
    void chiSquaredComparesLevelCountsAndUnseenLevelsGetTheirOwnBin() {
        String[] trainValues = new String[100];
        for (int i = 0; i < 100; i++) {
            trainValues[i] = i < 30 ? "A" : "B";
        }
        Distribution train = Distribution.levels(trainValues);
        String[] fresh = new String[100];
        for (int i = 0; i < 100; i++) {
            fresh[i] = i < 50 ? "A" : "B";
        }
        ColumnDrift same = DriftScores.levels("c", train, fresh);
        // equal totals: sum of (a - b)^2 / (a + b) = 400 / 80 + 400 / 120
        assertEquals(400.0 / 80 + 400.0 / 120, same.statistic(), 1e-9);
        assertEquals(new ChiSquareTest().chiSquareTestDataSetsComparison(new long[] {30, 70}, new long[] {50, 50}),
                same.pValue(), 1e-12);
        assertEquals(0.0, same.unseenShare());

        String[] withNew = {"A", "B", "C", "C", ""};
        ColumnDrift unseen = DriftScores.levels("c", train, withNew);
        assertEquals(List.of("A", "B", DriftScores.UNSEEN), unseen.bins());
        assertEquals(0.5, unseen.unseenShare(), 1e-12);
        assertEquals(0.2, unseen.newMissing(), 1e-12);
        assertEquals(new ChiSquareTest().chiSquareTestDataSetsComparison(new long[] {30, 70, 0}, new long[] {1, 1, 2}),
                unseen.pValue(), 1e-12);
    }

    @Test
    void theRuleNeedsBothTheSizeOfTheChangeAndItsSignificance() {
        assertEquals(DriftRules.DRIFTED, DriftRules.status(0.3, 0.01, 0, null));
        assertEquals(DriftRules.STABLE, DriftRules.status(0.3, 0.2, 0, null)); // big but could be noise: too few rows
        assertEquals(DriftRules.MODERATE, DriftRules.status(0.15, 0.01, 0, null));
        assertEquals(DriftRules.STABLE, DriftRules.status(0.05, 1e-9, 0, null)); // significant but small
        assertEquals(DriftRules.STABLE, DriftRules.status(null, null, 0, null));
        assertEquals(DriftRules.DRIFTED, DriftRules.status(0.0, 0.9, 0.2, 0.001));
        assertEquals(DriftRules.STABLE, DriftRules.status(0.0, 0.9, 0.2, 0.3));
    }

    @Test
    void aJumpInMissingValuesDriftsAColumnWhoseValuesLookTheSame() {
        double[] train = IntStream.range(0, 400).asDoubleStream().toArray();
        double[] fresh = IntStream.range(0, 400).mapToDouble(i -> i % 3 == 0 ? Double.NaN : i).toArray();
        ColumnDrift d = DriftScores.numbers("x", Distribution.numbers(train), fresh);
        assertTrue(d.psi() < DriftRules.PSI_MODERATE, d.toString());
        assertEquals(134 / 400.0, d.newMissing(), 1e-12);
        assertTrue(d.missingPValue() < DriftRules.ALPHA);
        assertEquals(DriftRules.DRIFTED, d.status());
    }

    @Test
    void theDatasetVerdictCountsDriftedColumnsAndThePredictions() {
        ColumnDrift drifted = DriftScores.numbers("a", Distribution.numbers(IntStream.range(0, 200).asDoubleStream().toArray()),
                IntStream.range(500, 700).asDoubleStream().toArray());
        ColumnDrift stable = DriftScores.numbers("b", Distribution.numbers(IntStream.range(0, 200).asDoubleStream().toArray()),
                IntStream.range(0, 200).asDoubleStream().toArray());
        assertTrue(drifted.drifted());
        assertEquals(DriftRules.STABLE, stable.status());
        assertTrue(Verdict.of(List.of(drifted, stable), stable).drift()); // half the columns
        Verdict oneInThree = Verdict.of(List.of(drifted, stable, stable), stable);
        assertEquals(List.of("a"), oneInThree.driftedColumns());
        assertEquals(false, oneInThree.drift());
        assertTrue(Verdict.of(List.of(stable, stable, stable), drifted).drift()); // the predictions moved
    }
}
