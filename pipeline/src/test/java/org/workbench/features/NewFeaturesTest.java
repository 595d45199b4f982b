package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.workbench.recipe.TableAssert.values;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Derived columns, transforms, bins, polynomial terms and date parts, checked by hand. */
class NewFeaturesTest {
    private static final double NA = Double.NaN;

    private static Table people() {
        return Table.create("t",
                DoubleColumn.create("SibSp", 1, 0, 3),
                DoubleColumn.create("Parch", 0, 2, 1),
                DoubleColumn.create("weight", 80, 45, 0),
                DoubleColumn.create("height", 200, 150, 0),
                StringColumn.create("Sex", "m", "f", "m"));
    }

    private static DeriveColumns derive(String column, String expression) {
        return new DeriveColumns(List.of(new DeriveColumns.Derived(column, expression)));
    }

    @Test
    void derivedColumnsFollowTheirExpressions() {
        DeriveColumns step = new DeriveColumns(List.of(
                new DeriveColumns.Derived("FamilySize", "SibSp + Parch + 1"),
                new DeriveColumns.Derived("BMI", "weight / (height/100)^2"),
                new DeriveColumns.Derived("Big", "FamilySize ^ 2")));
        ApplyLog log = new ApplyLog();
        Table out = step.fit(people()).apply(people(), log);
        assertEquals(List.of("SibSp", "Parch", "weight", "height", "Sex", "FamilySize", "BMI", "Big"), out.columnNames());
        assertArrayEquals(new double[] {2, 3, 5}, values(out, "FamilySize"));
        assertEquals(20.0, values(out, "BMI")[0], 1e-12);  // 80 / 2^2
        assertEquals(20.0, values(out, "BMI")[1], 1e-12);  // 45 / 1.5^2
        assertTrue(Double.isNaN(values(out, "BMI")[2]));   // 0 / 0
        assertEquals(Map.of("rows where BMI = weight / (height/100)^2 failed (NaN)", 1L), log.counts());
        assertArrayEquals(new double[] {4, 9, 25}, values(out, "Big"));
    }

    @Test
    void expressionErrorsNameTheExpressionAndTheColumn() {
        InputException unknown = assertThrows(InputException.class, () -> derive("BMI", "weight / hight^2").fit(people()));
        assertTrue(unknown.getMessage().startsWith("features.derive.BMI: cannot use expression 'weight / hight^2':"
                + " Unknown function or variable 'hight'"), unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("numeric columns are SibSp, Parch, weight, height"), unknown.getMessage());
        InputException text = assertThrows(InputException.class, () -> derive("X", "Sex * 2").fit(people()));
        assertEquals("features.derive.X: expression 'Sex * 2' uses column 'Sex', which is categorical;"
                + " only numeric columns can be used", text.getMessage());
        InputException clash = assertThrows(InputException.class, () -> derive("Parch", "SibSp").fit(people()));
        assertEquals("features.derive.Parch: a column 'Parch' already exists; choose another name", clash.getMessage());
    }

    @Test
    void yeoJohnsonOnKnownValues() {
        assertEquals(2.0, Transformer.yeoJohnson(3, 0.5), 1e-12);                        // (4^0.5 - 1) / 0.5
        assertEquals(-(Math.pow(2, 1.5) - 1) / 1.5, Transformer.yeoJohnson(-1, 0.5), 1e-12);  // -1.2189514...
        assertEquals(1.0, Transformer.yeoJohnson(Math.E - 1, 0), 1e-12);                 // log1p(e - 1)
        assertEquals(-1.0, Transformer.yeoJohnson(1 - Math.E, 2), 1e-12);                // -log1p(e - 1)
        assertEquals(3.0, Transformer.yeoJohnson(3, 1), 1e-12);                          // lambda 1 is the identity
    }

    @Test
    void yeoJohnsonLambdaMaximisesTheLikelihoodAsScipyDoes() {
        double[] x = {1, 2, 3, 4, 100, -2};
        double lambda = Transformer.yeoJohnsonLambda(x);
        // scipy.stats.yeojohnson([1, 2, 3, 4, 100, -2]) gives lambda 0.13589119970997715
        assertEquals(0.13589119970997715, lambda, 1e-6);
        FittedTransforms fitted = new Transformer(Map.of("x", "power")).fit(Table.create("t", DoubleColumn.create("x", x)));
        double[] out = values(fitted.apply(Table.create("t", DoubleColumn.create("x", x)), new ApplyLog()), "x");
        // scipy's transformed values
        assertArrayEquals(new double[] {0.7268414087551833, 1.1848571204171037, 1.525473925441031, 1.7990009510006242,
                6.418921845163014, -3.622031160693252}, out, 1e-5);
    }

    @Test
    void log1pAndSqrtGuardTheirDomain() {
        Table t = Table.create("t", DoubleColumn.create("a", 0, Math.E - 1, 3), DoubleColumn.create("b", 0, 4, 9));
        FittedTransforms fitted = new Transformer(Map.of("a", "log1p", "b", "sqrt")).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertArrayEquals(new double[] {0, 1, Math.log(4)}, values(out, "a"), 1e-12);
        assertArrayEquals(new double[] {0, 2, 3}, values(out, "b"), 1e-12);
        ApplyLog log = new ApplyLog();
        Table below = fitted.apply(Table.create("p", DoubleColumn.create("a", new double[] {-0.5}), DoubleColumn.create("b", new double[] {-4})), log);
        assertArrayEquals(new double[] {0}, values(below, "b"));  // raised to the training minimum 0
        assertEquals(2, log.counts().size());
        InputException e = assertThrows(InputException.class, () -> new Transformer(Map.of("x", "sqrt"))
                .fit(Table.create("t", DoubleColumn.create("x", -1, 4))));
        assertEquals("features.transform.x: sqrt needs values >= 0 but the training rows of 'x' go down to -1.0;"
                + " use power (Yeo-Johnson)", e.getMessage());
    }

    @Test
    void quantileAndEqualWidthBins() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4, 5, 6, 7, 8));
        // quantiles at positions 1.75, 3.5, 5.25 of 1..8: 2.75, 4.5, 6.25
        FittedBins quantile = new Binner(Map.of("x", 4), "quantile").fit(t);
        assertEquals(List.of(2.75, 4.5, 6.25), quantile.columns().get(0).edges());
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, values(quantile.apply(t, new ApplyLog()), "x"));
        // equal width over [1, 8]: 1 + 7/4 = 2.75, 4.5, 6.25 as well; try [0, 10] instead
        Table wide = Table.create("t", DoubleColumn.create("x", 0, 10, 5, NA));
        FittedBins equal = new Binner(Map.of("x", 4), "equal_width").fit(wide);
        assertEquals(List.of(2.5, 5.0, 7.5), equal.columns().get(0).edges());
        Table probe = Table.create("p", DoubleColumn.create("x", -3, 2.5, 5, 7.4, 99, NA));
        assertArrayEquals(new double[] {0, 1, 2, 2, 3, NA}, values(equal.apply(probe, new ApplyLog()), "x"));
        assertEquals("x: 4 equal_width bins, edges 2.5, 5.0, 7.5", equal.summary());
    }

    @Test
    void polynomialTermsAndTheirCount() {
        Table t = Table.create("t", DoubleColumn.create("a", 2, 3), DoubleColumn.create("b", 5, 7), StringColumn.create("s", "x", "y"));
        FittedPolynomial fitted = new PolynomialFeatures(2, List.of(), false).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertEquals(List.of("a", "b", "s", "a^2", "a*b", "b^2"), out.columnNames());
        assertArrayEquals(new double[] {4, 9}, values(out, "a^2"));
        assertArrayEquals(new double[] {10, 21}, values(out, "a*b"));
        assertArrayEquals(new double[] {25, 49}, values(out, "b^2"));
        assertEquals("degree 2 over a, b: 3 new features (a^2, a*b, b^2); 3 -> 6 features", fitted.summary());

        Table three = Table.create("t", DoubleColumn.create("a", new double[] {1}), DoubleColumn.create("b", new double[] {2}),
                DoubleColumn.create("c", new double[] {3}));
        FittedPolynomial interactions = new PolynomialFeatures(3, List.of(), true).fit(three);
        assertEquals(List.of("a", "b", "c", "a*b", "a*c", "b*c", "a*b*c"),
                interactions.apply(three, new ApplyLog()).columnNames());
        // degree 3 over 3 columns with powers: 6 of degree 2 + 10 of degree 3
        assertEquals(16, new PolynomialFeatures(3, List.of(), false).fit(three).terms().size());
    }

    @Test
    void datePartsReplaceTheRawColumn() {
        Table t = Table.create("t", StringColumn.create("when", "2024-03-01T14:30", "2023-12-25", "2024-01-06 08:00:00"),
                DoubleColumn.create("x", 1, 2, 3));
        FittedDateParts fitted = new DateParts(List.of("when"), List.of("year", "month", "dayofweek", "hour"), "").fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertEquals(List.of("when_year", "when_month", "when_dayofweek", "when_hour", "x"), out.columnNames());
        assertArrayEquals(new double[] {2024, 2023, 2024}, values(out, "when_year"));
        assertArrayEquals(new double[] {3, 12, 1}, values(out, "when_month"));
        assertArrayEquals(new double[] {5, 1, 6}, values(out, "when_dayofweek"));  // Friday, Monday, Saturday
        assertArrayEquals(new double[] {14, 0, 8}, values(out, "when_hour"));
        ApplyLog log = new ApplyLog();
        Table unreadable = fitted.apply(Table.create("p", StringColumn.create("when", "soon", ""),
                DoubleColumn.create("x", 1, 2)), log);
        assertArrayEquals(new double[] {3, 3}, values(unreadable, "when_month"));  // training median of 3, 12, 1
        assertEquals(Map.of("missing or unreadable dates in when (filled with training medians)", 2L), log.counts());

        FittedDateParts european = new DateParts(List.of("d"), List.of("day", "month"), "dd/MM/yyyy")
                .fit(Table.create("t", StringColumn.create("d", "31/01/2020")));
        Table parsed = european.apply(Table.create("t", StringColumn.create("d", "31/01/2020")), new ApplyLog());
        assertArrayEquals(new double[] {31}, values(parsed, "d_day"));
        assertArrayEquals(new double[] {1}, values(parsed, "d_month"));
        InputException e = assertThrows(InputException.class, () -> new DateParts(List.of("d"), List.of("year"), "")
                .fit(Table.create("t", StringColumn.create("d", "yesterday"))));
        assertEquals("features.dates: column 'd' holds \"yesterday\", which is not a date in ISO form;"
                + " set features.dates.format", e.getMessage());
    }
}
