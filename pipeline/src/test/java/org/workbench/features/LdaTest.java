package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Linear discriminants against NumPy (Cholesky of Sw, eigh of the whitened Sb) on standardised wine. */
class LdaTest {
    @Test
    void wineMatchesNumpy() {
        Frame wine = Wine.standardised();
        Lda.Fitted lda = new Lda(0, List.of()).fit(wine.features(), wine.target());
        assertEquals(0.68747889, lda.varianceRatios().get(0), 1e-8);
        assertEquals(0.31252111, lda.varianceRatios().get(1), 1e-8);
        assertEquals(0.0, lda.ridge());
        Table out = lda.apply(wine.features(), new ApplyLog());
        assertEquals(List.of("ld1", "ld2"), out.columnNames());
        assertEquals(4.74036061656003, out.doubleColumn("ld1").getDouble(0), 1e-9);
        assertEquals(1.9960303035510467, out.doubleColumn("ld2").getDouble(0), 1e-9);
        // scaled to within-class variance 1 (class-weighted, as scikit-learn's covariance_)
        for (String ld : out.columnNames()) {
            double[] v = out.doubleColumn(ld).asDoubleArray();
            double within = 0;
            for (String c : wine.target().classes()) {
                double[] part = IntStream.range(0, v.length).filter(i -> wine.target().labels()[i].equals(c)).mapToDouble(i -> v[i]).toArray();
                double mean = Arrays.stream(part).average().orElseThrow();
                within += Arrays.stream(part).map(x -> (x - mean) * (x - mean)).sum();
            }
            assertEquals(1.0, within / v.length, 1e-9, ld);
        }
        assertTrue(lda.summary().startsWith("13 columns (alcohol, malic_acid, ash, alcalinity_of_ash, magnesium and 8 more)"
                + " -> 2 discriminants (ld1, ld2) of 3 classes; between-class variance shares 0.6875, 0.3125"), lda.summary());
    }

    @Test
    void aSingularWithinClassCovarianceIsRegularisedAndSaysSo() {
        Frame wine = Wine.standardised();
        Table doubled = wine.features().copy();
        doubled.addColumns(DoubleColumn.create("alcohol_again", doubled.doubleColumn("alcohol").asDoubleArray()));
        Lda.Fitted lda = new Lda(1, List.of()).fit(doubled, wine.target());
        assertTrue(lda.ridge() > 0);
        assertTrue(lda.summary().contains("within-class covariance singular, ridge"), lda.summary());
        assertEquals(List.of("ld1"), lda.apply(doubled, new ApplyLog()).columnNames());
        // the projection still separates as the regular one does
        Lda.Fitted regular = new Lda(1, List.of()).fit(wine.features(), wine.target());
        double[] a = lda.apply(doubled, new ApplyLog()).doubleColumn("ld1").asDoubleArray();
        double[] b = regular.apply(wine.features(), new ApplyLog()).doubleColumn("ld1").asDoubleArray();
        assertEquals(1.0, Wine.covariance(a, b) / Math.sqrt(Wine.variance(a) * Wine.variance(b)), 1e-4);
    }

    @Test
    void onlyClassificationWithTwoClassesAndAtMostClassesMinusOne() {
        Frame wine = Wine.standardised();
        double[] values = IntStream.range(0, wine.rows()).mapToDouble(i -> i).toArray();
        InputException numeric = assertThrows(InputException.class,
                () -> new Lda(0, List.of()).fit(wine.features(), Target.values("y", values)));
        assertEquals("features.lda: needs a classification target, and 'y' is not one; use features.pca, which needs no target",
                numeric.getMessage());
        Frame one = wine.subset(IntStream.range(0, 50).toArray());
        InputException single = assertThrows(InputException.class, () -> new Lda(0, List.of()).fit(one.features(), one.target()));
        assertEquals("features.lda: needs at least 2 classes in the training rows, found 1 (1)", single.getMessage());
        InputException many = assertThrows(InputException.class, () -> new Lda(3, List.of()).fit(wine.features(), wine.target()));
        assertEquals("features.lda.components: 3 asked for, but at most 2 (classes - 1 = 2, numeric columns = 13)", many.getMessage());
    }
}
