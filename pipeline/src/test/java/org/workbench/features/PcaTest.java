package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Principal components against NumPy's eigen decomposition of standardised wine, and the step's own rules. */
class PcaTest {
    /** numpy.linalg.eigh of the covariance of all 178 standardised rows: scikit-learn's explained_variance_ratio_. */
    private static final double[] WINE_RATIOS = {0.36198848, 0.1920749, 0.11123631, 0.0706903, 0.06563294, 0.04935823,
        0.04238679, 0.02680749, 0.02222153, 0.01930019, 0.01736836, 0.01298233, 0.00795215};

    @Test
    void wineMatchesNumpy() {
        Frame wine = Wine.standardised();
        Pca.Fitted pca = new Pca(13, false, List.of()).fit(wine.features());
        for (int j = 0; j < 13; j++) {
            assertEquals(WINE_RATIOS[j], pca.varianceRatios().get(j), 1e-8, "component " + (j + 1));
        }
        assertEquals(4.73243698, pca.variances().get(0), 1e-8);
        assertEquals(2.51108093, pca.variances().get(1), 1e-8);
        assertEquals(1.45424187, pca.variances().get(2), 1e-8);
        Table out = pca.apply(wine.features(), new ApplyLog());
        // the first row's coordinates, with each component's largest loading positive
        assertEquals(3.316750812214781, out.doubleColumn("pc1").getDouble(0), 1e-9);
        assertEquals(1.4434626343180121, out.doubleColumn("pc2").getDouble(0), 1e-9);
    }

    @Test
    void aShareKeepsTheFewestComponentsThatExceedIt() {
        Frame wine = Wine.standardised();
        Pca.Fitted pca = new Pca(0.95, false, List.of()).fit(wine.features());
        assertEquals(10, pca.components().size());
        assertEquals(0.96169716, pca.keptVariance(), 1e-7);
        assertTrue(pca.keptVariance() >= 0.95);
        assertEquals(List.of("pc1", "pc2", "pc3", "pc4", "pc5", "pc6", "pc7", "pc8", "pc9", "pc10"),
                pca.apply(wine.features(), new ApplyLog()).columnNames());
        // as scikit-learn: the cumulative share must exceed the setting, not merely reach it
        assertEquals(3, Pca.kept(new double[] {0.5, 0.25, 0.25}, 0.75));
        assertEquals(2, Pca.kept(new double[] {0.5, 0.25, 0.25}, 0.74));
        assertEquals(1, Pca.kept(new double[] {0.5, 0.25, 0.25}, 0.1));
    }

    @Test
    void componentsAreUncorrelatedWithTheirVarianceOrVarianceOneWhitened() {
        Frame wine = Wine.standardised();
        Pca.Fitted plain = new Pca(4, false, List.of()).fit(wine.features());
        Pca.Fitted white = new Pca(4, true, List.of()).fit(wine.features());
        Table p = plain.apply(wine.features(), new ApplyLog());
        Table w = white.apply(wine.features(), new ApplyLog());
        for (int j = 0; j < 4; j++) {
            double[] pc = p.doubleColumn("pc" + (j + 1)).asDoubleArray();
            assertEquals(plain.variances().get(j), Wine.variance(pc), 1e-9);
            assertEquals(1.0, Wine.variance(w.doubleColumn("pc" + (j + 1)).asDoubleArray()), 1e-9);
            for (int k = j + 1; k < 4; k++) {
                assertEquals(0.0, Wine.covariance(pc, p.doubleColumn("pc" + (k + 1)).asDoubleArray()), 1e-9);
            }
            // unit loadings whose largest entry is positive
            List<Double> loadings = plain.components().get(j);
            assertEquals(1.0, loadings.stream().mapToDouble(v -> v * v).sum(), 1e-12);
            double largest = loadings.stream().max((a, b) -> Double.compare(Math.abs(a), Math.abs(b))).orElseThrow();
            assertTrue(largest > 0);
        }
        assertTrue(white.summary().contains("whitened"), white.summary());
    }

    @Test
    void textPassesThroughAndAMissingValueCountsAsTheTrainingMean() {
        Table train = Table.create("t", StringColumn.create("s", "a", "b", "c", "d"),
                DoubleColumn.create("x", 1, 2, 3, 6), DoubleColumn.create("y", 2, 4, 5, 13));
        Pca.Fitted pca = new Pca(2, false, List.of()).fit(train);
        assertEquals(List.of("x", "y"), pca.columns());
        assertEquals(List.of(3.0, 6.0), pca.means());
        Table rows = Table.create("t", DoubleColumn.create("y", Double.NaN, 6), StringColumn.create("s", "e", "f"),
                DoubleColumn.create("x", 3, Double.NaN));
        ApplyLog log = new ApplyLog();
        Table out = pca.apply(rows, log);
        assertEquals(List.of("s", "pc1", "pc2"), out.columnNames());
        assertEquals(List.of("e", "f"), out.stringColumn("s").asList());
        // both rows are the training means once the missing value is filled: the origin
        assertEquals(0.0, out.doubleColumn("pc1").getDouble(0), 1e-12);
        assertEquals(0.0, out.doubleColumn("pc2").getDouble(1), 1e-12);
        assertEquals(Map.of("missing values in x (taken as the training mean)", 1L,
                "missing values in y (taken as the training mean)", 1L), log.counts());
    }

    @Test
    void onlyTheNamedColumnsAreProjected() {
        Frame wine = Wine.standardised();
        Pca.Fitted pca = new Pca(1, false, List.of("alcohol", "ash")).fit(wine.features());
        Table out = pca.apply(wine.features(), new ApplyLog());
        assertEquals(12, out.columnCount());
        assertTrue(!out.containsColumn("alcohol") && out.containsColumn("malic_acid") && out.containsColumn("pc1"));
        assertTrue(pca.summary().startsWith("2 columns (alcohol, ash) -> 1 component (pc1) keeping "), pca.summary());
    }

    @Test
    void impossibleFitsAreOneLineErrorsNamingTheKey() {
        Frame wine = Wine.standardised();
        InputException many = assertThrows(InputException.class, () -> new Pca(20, false, List.of()).fit(wine.features()));
        assertEquals("features.pca.components: 20 components asked for, but there are only 13 numeric columns to project"
                + " (alcohol, malic_acid, ash, alcalinity_of_ash, magnesium and 8 more)", many.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> new Pca(2, false, List.of("alcohl")).fit(wine.features()));
        assertEquals("features.pca.columns: no numeric column 'alcohl'; did you mean 'alcohol'?", unknown.getMessage());
        Table flat = Table.create("t", DoubleColumn.create("x", 1, 1, 1));
        InputException constant = assertThrows(InputException.class, () -> new Pca(0.9, false, List.of()).fit(flat));
        assertEquals("features.pca: the columns to project (x) do not vary over the 3 training rows; there is no variance"
                + " to keep", constant.getMessage());
        Table clash = Table.create("t", DoubleColumn.create("x", 1, 2, 4), StringColumn.create("pc1", "a", "b", "c"));
        InputException names = assertThrows(InputException.class, () -> new Pca(1, false, List.of()).fit(clash));
        assertTrue(names.getMessage().startsWith("features.pca: column 'pc1' is kept as it is"), names.getMessage());
    }

    @Test
    void theSameRowsGiveTheSameBytes() {
        Frame wine = Wine.standardised();
        Pca.Fitted a = new Pca(0.9, true, List.of()).fit(wine.features());
        Pca.Fitted b = new Pca(0.9, true, List.of()).fit(wine.features().copy());
        assertEquals(a, b);
    }
}
