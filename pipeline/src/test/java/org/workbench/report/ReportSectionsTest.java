package org.workbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.workbench.data.Predictions;
import org.workbench.evaluation.ClassificationMetrics;
import org.workbench.evaluation.ClassificationReport;

/** The per-class table, the normalised confusion matrix and the page's layout rules. */
class ReportSectionsTest {
    private static ClassificationReport report() {
        // no: 6 rows (4 right), yes: 4 rows (3 right); TP = 3, FN = 1, FP = 2, TN = 4
        String[] truth = "yes yes yes yes no no no no no no".split(" ");
        String[] predicted = "yes yes yes no yes yes no no no no".split(" ");
        List<String> classes = List.of("no", "yes");
        return ClassificationMetrics.compute(truth, Predictions.classification(predicted, null, classes), classes, null);
    }

    @Test
    void perClassTableHoldsEachClassThenAccuracyAndTheAverages() {
        String table = PerClassSection.table(report());
        List<List<String>> rows = cells(table);
        assertEquals(List.of("class", "precision", "recall", "f1", "support"), rows.get(0));
        // no: precision 4/5, recall 4/6, f1 8/11; yes: precision 3/5, recall 3/4, f1 6/9
        assertEquals(List.of("no", "0.8000", "0.6667", "0.7273", "6"), rows.get(1));
        assertEquals(List.of("yes", "0.6000", "0.7500", "0.6667", "4"), rows.get(2));
        assertEquals(List.of("<b>accuracy</b>", "", "", "0.7000", "10"), rows.get(3));
        // macro: (0.8 + 0.6) / 2, (4/6 + 3/4) / 2, (8/11 + 6/9) / 2
        assertEquals(List.of("<b>macro avg</b>", "0.7000", "0.7083", "0.6970", "10"), rows.get(4));
        // weighted by support 6 and 4: 0.6 * 0.8 + 0.4 * 0.6, ...
        assertEquals(List.of("<b>weighted avg</b>", "0.7200", "0.7000", "0.7030", "10"), rows.get(5));
    }

    @Test
    void normalisedMatrixRowsSumToOne() {
        int[][] counts = PerClassSection.counts(report());
        assertArrayEquals(new int[][] {{4, 2}, {1, 3}}, counts);
        double[][] shares = PerClassSection.rowShares(new int[][] {{4, 2, 0}, {1, 3, 4}, {0, 0, 0}});
        assertArrayEquals(new double[] {4 / 6.0, 2 / 6.0, 0}, shares[0], 1e-12);
        assertArrayEquals(new double[] {1 / 8.0, 3 / 8.0, 4 / 8.0}, shares[1], 1e-12);
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, shares[i][0] + shares[i][1] + shares[i][2], 1e-12);
        }
        // a class with no true rows has no shares to give
        assertArrayEquals(new double[] {0, 0, 0}, shares[2], 0);
        String html = PerClassSection.render(report(), new Svg());
        assertTrue(html.contains("<div class=\"pair\"><figure id=\"confusion-matrix\">"), html.substring(0, 600));
        assertTrue(html.contains("<figure id=\"confusion-matrix-normalised\">") && html.contains(">67%</text>")
                && html.contains(">33%</text>") && html.contains(">75%</text>"), "shares written as text, in whole percent");
    }

    @Test
    void noTableIsWiderThanItsBox() {
        // every table is a block that scrolls inside its own box, and charts shrink to theirs, so a 1280-pixel
        // screen never scrolls sideways
        assertTrue(Style.CSS.contains("table{border-collapse:collapse;margin:8px 0 16px;font-size:16px;display:block;"
                + "max-width:100%;overflow-x:auto}"), Style.CSS);
        assertTrue(Style.CSS.contains("svg.chart{max-width:100%;height:auto;display:block}"));
        assertTrue(Style.CSS.contains("max-width:1100px"), "the page's own width, with its padding, is below 1280");
        // no rule elsewhere in the sheet gives a table a fixed or minimum width
        assertTrue(!Style.CSS.matches("(?s).*table[^{]*\\{[^}]*(min-width|(?<!max-)width:\\d)[^}]*}.*"), Style.CSS);
    }

    /** Header and body cells of the table, row by row. */
    private static List<List<String>> cells(String html) {
        List<List<String>> rows = new java.util.ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(html);
        while (row.find()) {
            List<String> cells = new java.util.ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd]>(.*?)</t[hd]>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }
}
