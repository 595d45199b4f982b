package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ChartsThinTest {
    private static Charts.Line line(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 * i;
        }
        return new Charts.Line("s", x, y, null, false);
    }

    @Test
    void shortSeriesAreKeptAsTheyAre() {
        Charts.Line l = line(Charts.MAX_POINTS);
        assertSame(l, Charts.thin(l));
    }

    @Test
    void longSeriesKeepEveryKthPointAndTheLast() {
        // 2,500 points: step = ceil(2499 / 999) = 3, so rows 0, 3, ..., 2499: 834 points
        Charts.Line t = Charts.thin(line(2500));
        assertEquals(834, t.x().length);
        assertEquals(3.0, t.x()[1]);
        assertEquals(2499.0, t.x()[833]);
        assertEquals(4998.0, t.y()[833]);
        // 1,002 points: step 2 gives rows 0, 2, ..., 1000, then the last row 1001: 502 points
        Charts.Line u = Charts.thin(line(1002));
        assertEquals(502, u.x().length);
        assertEquals(1000.0, u.x()[500]);
        assertEquals(1001.0, u.x()[501]);
    }
}
