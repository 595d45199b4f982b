package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Polynomial and interaction terms and their count. */
class PolynomialFeaturesTest {
    @Test
    void termsThatCouldNotFitInTheHeapAreRefusedBeforeTheyAreListed() {
        // degree 3 over 300 columns: 4,590,250 new features x 1,000 rows, about 38 GB
        Table wide = Table.create("t");
        for (int c = 0; c < 300; c++) {
            wide.addColumns(DoubleColumn.create("c" + c, new double[1000]));
        }
        org.workbench.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(org.workbench.core.InputException.class,
                () -> new PolynomialFeatures(3, List.of(), false).fit(wide));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("features.polynomial: degree 3 over 300 columns makes"
                + " 4,590,250 new features x 1,000 rows (37.6 GB as numbers), more than 50% of the "), e.getMessage());
        // interactions only: 44,850 + 4,455,100 products of different columns, refused the same way
        e = org.junit.jupiter.api.Assertions.assertThrows(org.workbench.core.InputException.class,
                () -> new PolynomialFeatures(3, List.of(), true).fit(wide));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(" makes 4,499,950 new features "), e.getMessage());
        // degree 2 over 50 of them (1,275 features, 10 MB) is fitted
        Table fifty = wide.selectColumns(wide.columnNames().subList(0, 50).toArray(String[]::new));
        assertEquals(1_275, new PolynomialFeatures(2, List.of(), false).fit(fifty).terms().size());
    }

    @Test
    void polynomialTermsAndTheirCount() {
        Table t = Table.create("t", DoubleColumn.create("a", 2, 3), DoubleColumn.create("b", 5, 7), StringColumn.create("s", "x", "y"));
        PolynomialFeatures.Fitted fitted = new PolynomialFeatures(2, List.of(), false).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertEquals(List.of("a", "b", "s", "a^2", "a*b", "b^2"), out.columnNames());
        assertArrayEquals(new double[] {4, 9}, values(out, "a^2"));
        assertArrayEquals(new double[] {10, 21}, values(out, "a*b"));
        assertArrayEquals(new double[] {25, 49}, values(out, "b^2"));
        assertEquals("degree 2 over a, b: 3 new features (a^2, a*b, b^2); 3 -> 6 features", fitted.summary());

        Table three = Table.create("t", DoubleColumn.create("a", new double[] {1}), DoubleColumn.create("b", new double[] {2}),
                DoubleColumn.create("c", new double[] {3}));
        PolynomialFeatures.Fitted interactions = new PolynomialFeatures(3, List.of(), true).fit(three);
        assertEquals(List.of("a", "b", "c", "a*b", "a*c", "b*c", "a*b*c"),
                interactions.apply(three, new ApplyLog()).columnNames());
        // degree 3 over 3 columns with powers: 6 of degree 2 + 10 of degree 3
        assertEquals(16, new PolynomialFeatures(3, List.of(), false).fit(three).terms().size());
    }
}
