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
        // 2,500 points: step = ceil(2499 / 299) = 9, so rows 0, 9, ..., 2493, then the last row 2499: 279 points
        Charts.Line t = Charts.thin(line(2500));
        assertEquals(279, t.x().length);
        assertEquals(9.0, t.x()[1]);
        assertEquals(2493.0, t.x()[277]);
        assertEquals(2499.0, t.x()[278]);
        assertEquals(4998.0, t.y()[278]);
        // 1,002 points: step 4 gives rows 0, 4, ..., 1000, then the last row 1001: 252 points
        Charts.Line u = Charts.thin(line(1002));
        assertEquals(252, u.x().length);
        assertEquals(1000.0, u.x()[250]);
        assertEquals(1001.0, u.x()[251]);
    }
}
