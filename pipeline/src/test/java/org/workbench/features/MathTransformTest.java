package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.workbench.recipe.TableAssert.values;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** log1p, sqrt and Yeo-Johnson on known values (scipy's for the fitted lambda). */
class MathTransformTest {
    @Test
    void yeoJohnsonOnKnownValues() {
        assertEquals(2.0, MathTransform.yeoJohnson(3, 0.5), 1e-12);                        // (4^0.5 - 1) / 0.5
        assertEquals(-(Math.pow(2, 1.5) - 1) / 1.5, MathTransform.yeoJohnson(-1, 0.5), 1e-12);  // -1.2189514...
        assertEquals(1.0, MathTransform.yeoJohnson(Math.E - 1, 0), 1e-12);                 // log1p(e - 1)
        assertEquals(-1.0, MathTransform.yeoJohnson(1 - Math.E, 2), 1e-12);                // -log1p(e - 1)
        assertEquals(3.0, MathTransform.yeoJohnson(3, 1), 1e-12);                          // lambda 1 is the identity
    }

    @Test
    void yeoJohnsonLambdaMaximisesTheLikelihoodAsScipyDoes() {
        double[] x = {1, 2, 3, 4, 100, -2};
        double lambda = MathTransform.yeoJohnsonLambda(x);
        // scipy.stats.yeojohnson([1, 2, 3, 4, 100, -2]) gives lambda 0.13589119970997715
        assertEquals(0.13589119970997715, lambda, 1e-6);
        MathTransform.Fitted fitted = new MathTransform(Map.of("x", "power")).fit(Table.create("t", DoubleColumn.create("x", x)));
        double[] out = values(fitted.apply(Table.create("t", DoubleColumn.create("x", x)), new ApplyLog()), "x");
        // scipy's transformed values
        assertArrayEquals(new double[] {0.7268414087551833, 1.1848571204171037, 1.525473925441031, 1.7990009510006242,
                6.418921845163014, -3.622031160693252}, out, 1e-5);
    }

    @Test
    void log1pAndSqrtGuardTheirDomain() {
        Table t = Table.create("t", DoubleColumn.create("a", 0, Math.E - 1, 3), DoubleColumn.create("b", 0, 4, 9));
        MathTransform.Fitted fitted = new MathTransform(Map.of("a", "log1p", "b", "sqrt")).fit(t);
        Table out = fitted.apply(t, new ApplyLog());
        assertArrayEquals(new double[] {0, 1, Math.log(4)}, values(out, "a"), 1e-12);
        assertArrayEquals(new double[] {0, 2, 3}, values(out, "b"), 1e-12);
        ApplyLog log = new ApplyLog();
        Table below = fitted.apply(Table.create("p", DoubleColumn.create("a", new double[] {-0.5}), DoubleColumn.create("b", new double[] {-4})), log);
        assertArrayEquals(new double[] {0}, values(below, "b"));  // raised to the training minimum 0
        assertEquals(2, log.counts().size());
        InputException e = assertThrows(InputException.class, () -> new MathTransform(Map.of("x", "sqrt"))
                .fit(Table.create("t", DoubleColumn.create("x", -1, 4))));
        assertEquals("features.transform.x: sqrt needs values >= 0 but the training rows of 'x' go down to -1.0;"
                + " use power (Yeo-Johnson)", e.getMessage());
    }
}
