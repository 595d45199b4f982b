package org.workbench.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;
import org.workbench.deployment.TrainingProfile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The rolling window keeps the last N rows and scores them exactly as workbench drift scores a file. */
class RollingMonitorTest {
    static Table rows(double from, int n) {
        double[] x = IntStream.range(0, n).mapToDouble(i -> from + i).toArray();
        String[] c = IntStream.range(0, n).mapToObj(i -> i % 2 == 0 ? "a" : "b").toArray(String[]::new);
        return Table.create("rows", DoubleColumn.create("x", x), StringColumn.create("c", c));
    }

    static Predictions predictions(int n, String label) {
        return Predictions.classification(IntStream.range(0, n).mapToObj(i -> label).toArray(String[]::new), null, List.of("yes", "no"));
    }

    static TrainingProfile profile() {
        Table train = rows(0, 300);
        String[] labels = IntStream.range(0, 300).mapToObj(i -> i % 3 == 0 ? "yes" : "no").toArray(String[]::new);
        return TrainingProfile.of(train, List.of("x", "c"), Predictions.classification(labels, null, List.of("yes", "no")));
    }

    @Test
    void anEmptyWindowIsStableAndUntested() {
        RollingMonitor.Snapshot s = new RollingMonitor(profile(), 50).snapshot();
        assertEquals(0, s.rows());
        assertFalse(s.verdict().drift());
        s.columns().forEach(c -> assertEquals(DriftRules.STABLE, c.status(), c.toString()));
    }

    @Test
    void theWindowHoldsTheLastRowsAndScoresThemAsTheFileCheckDoes() {
        TrainingProfile profile = profile();
        RollingMonitor monitor = new RollingMonitor(profile, 100);
        monitor.observe(rows(0, 150), predictions(150, "no"));
        // shifted rows push the earlier ones out of the window
        monitor.observe(rows(1000, 60), predictions(60, "yes"));
        monitor.observe(rows(2000, 40), predictions(40, "yes"));
        RollingMonitor.Snapshot s = monitor.snapshot();
        assertEquals(100, s.rows());
        assertEquals(250, s.observed());
        double[] expected = new double[100];
        for (int i = 0; i < 60; i++) {
            expected[i] = 1000 + i;
        }
        for (int i = 0; i < 40; i++) {
            expected[60 + i] = 2000 + i;
        }
        ColumnDrift x = DriftScores.numbers("x", profile.column("x"), expected);
        assertEquals(x, s.byName().get("x"));
        assertTrue(x.drifted());
        assertEquals(DriftRules.STABLE, s.byName().get("c").status());
        assertTrue(s.predictions().drifted(), s.predictions().toString());
        assertTrue(s.verdict().drift());
    }

    @Test
    void observersOnManyThreadsLoseNoRow() throws Exception {
        RollingMonitor monitor = new RollingMonitor(profile(), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int k = 0; k < 50; k++) {
                    monitor.observe(rows(0, 3), predictions(3, "no"));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        RollingMonitor.Snapshot s = monitor.snapshot();
        assertEquals(8 * 50 * 3, s.observed());
        assertEquals(1000, s.rows());
        // every row was one of 0, 1, 2: the window holds exactly those values
        assertEquals(1.0, s.byName().get("x").newShares().get(0), 1e-12);
    }
}
