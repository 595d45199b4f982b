package org.workbench.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Scores and the features each selection method keeps, checked by hand. */
class ScoredSelectorTest {
    private static final Target CLASSES = Target.labels("y", new String[] {"a", "a", "a", "b", "b", "b"});

    /** signal separates the classes, copy is signal doubled, noise does not, flat is constant. */
    private static Table features() {
        return Table.create("t",
                DoubleColumn.create("signal", 1, 2, 3, 4, 5, 6),
                DoubleColumn.create("copy", 2, 4, 6, 8, 10, 12.5),
                DoubleColumn.create("noise", 1, -1, 0, 0, 1, -1),
                DoubleColumn.create("flat", 7, 7, 7, 7, 7, 7));
    }

    private static ScoredSelector selector(String method, int k, double threshold) {
        return new ScoredSelector(method, k, threshold, "mim", 4, "tree", 1);
    }

    @Test
    void scoresByHand() {
        // groups 1 2 3 and 4 5 6: means 2 and 5, grand mean 3.5; between SS 2 x 3 x 1.5^2 = 13.5,
        // within SS 2 + 2 = 4 with 4 degrees of freedom: F = 13.5 / 1 = 13.5
        assertEquals(13.5, FeatureScores.fStatistic(new double[] {1, 2, 3, 4, 5, 6}, CLASSES), 1e-12);
        // eta^2 = between / total = 13.5 / 17.5
        assertEquals(Math.sqrt(13.5 / 17.5), org.workbench.stats.Association.eta(new double[] {1, 2, 3, 4, 5, 6}, CLASSES.labels()), 1e-12);
        assertEquals(1.0, org.workbench.stats.Association.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-0.5, org.workbench.stats.Association.pearson(new double[] {1, 2, 3}, new double[] {2, 0, 1}), 1e-12);
        // regression F = r^2 / (1 - r^2) x (n - 2) with r = -0.5, n = 3: 0.25 / 0.75 x 1
        assertEquals(1.0 / 3, FeatureScores.fStatistic(new double[] {1, 2, 3}, Target.values("v", new double[] {2, 0, 1})), 1e-12);
        assertEquals(35.0 / 12, FeatureScores.variance(new double[] {1, 2, 3, 4, 5, 6}), 1e-12);
    }

    @Test
    void varianceThresholdDropsTheConstantFeature() {
        ScoredSelector.Fitted fitted = selector("variance", 10, 0).fit(features(), CLASSES);
        assertEquals(List.of("signal", "copy", "noise"), fitted.features());
        assertEquals(List.of("signal", "copy", "noise"), fitted.apply(features(), new ApplyLog()).columnNames());
        assertTrue(fitted.summary().endsWith("dropped: flat 0.0 (variance <= 0.0)"), fitted.summary());
    }

    @Test
    void correlationFilterKeepsTheOneCloserToTheTarget() {
        ScoredSelector.Fitted fitted = selector("correlation", 10, 0.9).fit(features(), CLASSES);
        // signal and copy correlate above 0.9; signal separates the classes slightly better (copy's last value is off)
        double signal = org.workbench.stats.Association.eta(new double[] {1, 2, 3, 4, 5, 6}, CLASSES.labels());
        double copy = org.workbench.stats.Association.eta(new double[] {2, 4, 6, 8, 10, 12.5}, CLASSES.labels());
        assertEquals(copy > signal ? List.of("copy", "noise", "flat") : List.of("signal", "noise", "flat"), fitted.features());
        ScoredSelector.Fitted.Score dropped = fitted.scores().stream().filter(s -> !s.kept()).findFirst().orElseThrow();
        assertTrue(dropped.reason().startsWith("|r| 0.99"), dropped.reason());
    }

    @Test
    void topKByFTest() {
        ScoredSelector.Fitted fitted = selector("f_test", 2, 0).fit(features(), CLASSES);
        assertEquals(List.of("signal", "copy"), fitted.features());
        assertEquals(13.5, fitted.scores().get(0).score(), 1e-12);
        assertEquals(0.0, fitted.scores().get(3).score());
        assertEquals("not in the top 2", fitted.scores().get(2).reason());
    }

    @Test
    void mutualInformationUsesTribuo() {
        ScoredSelector.Fitted fitted = selector("mutual_info", 1, 0).fit(features(), CLASSES);
        assertEquals(1, fitted.features().size());
        assertTrue(List.of("signal", "copy").contains(fitted.features().get(0)), fitted.features().toString());
        // signal splits into bins that each hold one class: its MI is the label entropy, 1 bit
        assertEquals(1.0, fitted.scores().get(0).score(), 1e-9);
        InputException e = assertThrows(InputException.class,
                () -> selector("mutual_info", 1, 0).fit(features(), Target.values("v", new double[] {1, 2, 3, 4, 5, 6})));
        assertTrue(e.getMessage().startsWith("select.method mutual_info needs a classification target"));
    }

    @Test
    void modelBasedKeepsTheFeaturesATreeUses() {
        ScoredSelector.Fitted fitted = selector("model_based", 2, 0).fit(features(), CLASSES);
        assertEquals(1, fitted.features().size());  // one split separates the classes
        assertEquals("unused by the model", fitted.scores().get(3).reason());
    }

    @Test
    void modelBasedL1KeepsTheFeaturesWithWeight() {
        ScoredSelector.Fitted fitted = new ScoredSelector("model_based", 2, 0, "mim", 4, "l1", 1).fit(features(), CLASSES);
        assertTrue(fitted.features().size() >= 1 && fitted.features().size() <= 2, fitted.features().toString());
        assertTrue(fitted.measure().startsWith("|"), fitted.measure());
        double lowestKept = fitted.scores().stream().filter(ScoredSelector.Fitted.Score::kept)
                .mapToDouble(ScoredSelector.Fitted.Score::score).min().orElseThrow();
        assertTrue(fitted.scores().stream().filter(sc -> !sc.kept()).allMatch(sc -> sc.score() <= lowestKept));
        Target numeric = Target.values("v", new double[] {1, 2, 3, 4, 5, 6});
        ScoredSelector.Fitted lasso = new ScoredSelector("model_based", 1, 0, "mim", 4, "l1", 1).fit(features(), numeric);
        assertEquals(1, lasso.features().size());
    }

    @Test
    void aCategoricalFeatureMustBeEncodedFirst() {
        Table t = features().copy();
        t.addColumns(tech.tablesaw.api.StringColumn.create("s", "a", "b", "a", "b", "a", "b"));
        InputException e = assertThrows(InputException.class, () -> selector("f_test", 2, 0).fit(t, CLASSES));
        assertEquals("select.method f_test: feature 's' is categorical; encode it first (features.encode)", e.getMessage());
    }
}
