package org.workbench.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What {@link Pca} and {@link Lda} share: the numeric columns they consume, the centred training
 * matrix, a symmetric eigen decomposition (commons-math) in a fixed order and sign, and the
 * projection of rows onto fitted directions. A missing value counts as the training mean, so it
 * adds nothing to any component.
 */
final class Projection {
    private Projection() {
    }

    /** The numeric columns to project: those named in {@code requested}, or every numeric column. */
    static List<String> columns(Table train, List<String> requested, String key) {
        for (String name : requested) {
            if (!train.columnNames().contains(name) || !(train.column(name) instanceof DoubleColumn)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException(key + ": no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        List<String> chosen = new ArrayList<>();
        for (Column<?> c : train.columns()) {
            if (c instanceof DoubleColumn && (requested.isEmpty() || requested.contains(c.name()))) {
                chosen.add(c.name());
            }
        }
        return chosen;
    }

    /** Refuses output names that a column left in place already has (a second projection, a column named pc1). */
    static void checkNames(Table train, List<String> consumed, List<String> outputs, String key) {
        Set<String> kept = new HashSet<>(train.columnNames());
        consumed.forEach(kept::remove);
        for (String name : outputs) {
            if (kept.contains(name)) {
                throw new InputException(key + ": column '" + name + "' is kept as it is and would clash with the component"
                        + " of that name; rename it or add it to " + key + ".columns");
            }
        }
    }

    /** Column means over present values (0 for a column with none). */
    static double[] means(double[][] x) {
        double[] means = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            double sum = 0;
            int n = 0;
            for (double v : x[c]) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            means[c] = n == 0 ? 0 : sum / n;
        }
        return means;
    }

    /** The columns' values, by column then row. */
    static double[][] values(Table table, List<String> columns, String step) {
        double[][] x = new double[columns.size()][];
        for (int c = 0; c < x.length; c++) {
            x[c] = FeatureColumns.numeric(table, columns.get(c), step).asDoubleArray();
        }
        return x;
    }

    /** Centred values, missing ones 0 (the mean), by row then column. */
    static double[][] centred(double[][] x, double[] means) {
        int rows = x.length == 0 ? 0 : x[0].length;
        double[][] out = new double[rows][x.length];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < rows; i++) {
                double v = x[c][i];
                out[i][c] = Double.isNaN(v) ? 0 : v - means[c];
            }
        }
        return out;
    }

    /** {@code sum over rows of a_i a_i^T / divisor}, for centred rows. */
    static double[][] scatter(double[][] rows, int columns, double divisor) {
        double[][] s = new double[columns][columns];
        for (double[] row : rows) {
            for (int a = 0; a < columns; a++) {
                if (row[a] == 0) {
                    continue;
                }
                for (int b = a; b < columns; b++) {
                    s[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < columns; a++) {
            for (int b = a; b < columns; b++) {
                s[a][b] /= divisor;
                s[b][a] = s[a][b];
            }
        }
        return s;
    }

    /** Eigenvalues (descending, negatives from rounding set to 0) and their unit eigenvectors. */
    record Eigen(double[] values, double[][] vectors) {
    }

    /**
     * The eigen decomposition of a symmetric matrix, largest eigenvalue first (ties in index order);
     * each vector's largest absolute entry (the first of equals) is made positive, so the same matrix
     * gives the same components every run.
     */
    static Eigen eigen(double[][] symmetric) {
        int p = symmetric.length;
        EigenDecomposition d = new EigenDecomposition(MatrixUtils.createRealMatrix(symmetric));
        double[] values = d.getRealEigenvalues();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            order.add(j);
        }
        order.sort((a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
        double[] sorted = new double[p];
        double[][] vectors = new double[p][];
        for (int j = 0; j < p; j++) {
            sorted[j] = Math.max(0, values[order.get(j)]);
            vectors[j] = oriented(d.getEigenvector(order.get(j)).toArray());
        }
        return new Eigen(sorted, vectors);
    }

    /** The vector with its largest absolute entry positive. */
    static double[] oriented(double[] v) {
        int largest = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v.length > 0 && v[largest] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    static RealMatrix matrix(double[][] values) {
        return MatrixUtils.createRealMatrix(values);
    }

    /** "pc1", "pc2", ... */
    static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= count; j++) {
            names.add(prefix + j);
        }
        return names;
    }

    /**
     * Replaces {@code columns} by one column per weight vector: the sum of weight x (value - mean),
     * a missing value counting as the mean. Other columns stay in place; the new ones come last.
     */
    static Table apply(Table features, List<String> columns, List<Double> means, List<List<Double>> weights,
                       List<String> outputs, String step, ApplyLog log) {
        double[][] x = values(features, columns, step);
        int rows = features.rowCount();
        double[][] out = new double[weights.size()][rows];
        for (int c = 0; c < columns.size(); c++) {
            double mean = means.get(c);
            long missing = 0;
            for (int i = 0; i < rows; i++) {
                double v = x[c][i];
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                double centred = v - mean;
                for (int j = 0; j < weights.size(); j++) {
                    out[j][i] += weights.get(j).get(c) * centred;
                }
            }
            log.count("missing values in " + columns.get(c) + " (taken as the training mean)", missing);
        }
        Set<String> consumed = new HashSet<>(columns);
        List<Column<?>> kept = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            if (!consumed.contains(column.name())) {
                kept.add(column.copy());
            }
        }
        for (int j = 0; j < out.length; j++) {
            kept.add(DoubleColumn.create(outputs.get(j), out[j]));
        }
        return FeatureColumns.tableLike(features, kept);
    }

    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return List.copyOf(out);
    }

    /** "a, b, c" or "a, b, c and 10 more". */
    static String shortList(List<String> names, int shown) {
        return names.size() <= shown ? String.join(", ", names)
                : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }
}
