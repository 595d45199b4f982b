package org.workbench.report;

import java.util.ArrayList;
import java.util.List;
import org.workbench.evaluation.ClassificationReport;

/**
 * Per-class detail of a classifier's test report: precision, recall, F1 and support of every class
 * (scikit-learn's {@code classification_report}), and the confusion matrix as counts beside the same
 * matrix normalised by row (the share of each true class given each prediction).
 */
final class PerClassSection {
    private PerClassSection() {
    }

    static String render(ClassificationReport report, Svg svg) {
        List<String> classes = report.classes();
        int[][] counts = counts(report);
        double[][] shares = rowShares(counts);
        return "<h3 id=\"per-class\">Per class</h3>" + table(report)
                + "<div class=\"pair\">"
                + Html.figure("confusion-matrix", () -> svg.of(Charts.confusion(classes, counts), "confusion matrix"),
                "Rows are the true class, columns the predicted one; the diagonal is correct.")
                + Html.figure("confusion-matrix-normalised", () -> svg.of(Charts.confusionShares(classes, shares),
                "confusion matrix normalised by row"), "Each row divided by its true class's rows, in percent: a row sums to"
                + " 100% (up to rounding) and the diagonal is each class's recall.")
                + "</div>\n";
    }

    /** The report's matrix, square in its class order (a missing cell is 0). */
    static int[][] counts(ClassificationReport report) {
        int k = report.classes().size();
        int[][] counts = new int[k][k];
        int[][] recorded = report.confusionMatrix();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                counts[i][j] = recorded != null && i < recorded.length && j < recorded[i].length ? recorded[i][j] : 0;
            }
        }
        return counts;
    }

    /** Each row divided by its sum, so a row with rows sums to 1; a class absent from the truth stays all 0. */
    static double[][] rowShares(int[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            long total = 0;
            for (int c : counts[i]) {
                total += c;
            }
            out[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                out[i][j] = total == 0 ? 0 : (double) counts[i][j] / total;
            }
        }
        return out;
    }

    /**
     * One row per class, then accuracy (its F1 cell, as scikit-learn prints it) and the macro and
     * weighted averages, each with the rows they cover.
     */
    static String table(ClassificationReport report) {
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (ClassificationReport.ClassScores c : report.perClass() == null ? List.<ClassificationReport.ClassScores>of()
                : report.perClass()) {
            rows.add(List.of(Html.escape(c.label()), Html.number(c.precision()), Html.number(c.recall()), Html.number(c.f1()),
                    String.valueOf(c.support())));
            total += c.support();
        }
        rows.add(List.of("<b>accuracy</b>", "", "", Html.number(report.accuracy()), String.valueOf(total)));
        if (report.macro() != null) {
            rows.add(average("macro avg", report.macro(), total));
        }
        if (report.weighted() != null) {
            rows.add(average("weighted avg", report.weighted(), total));
        }
        return "<div class=\"wide\">" + Html.table(List.of("class", "precision", "recall", "f1", "support"), rows) + "</div>";
    }

    private static List<String> average(String name, ClassificationReport.Average a, int total) {
        return List.of("<b>" + name + "</b>", Html.number(a.precision()), Html.number(a.recall()), Html.number(a.f1()),
                String.valueOf(total));
    }
}
