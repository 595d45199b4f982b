package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.core.Memory;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Adds every product of the chosen numeric columns from degree 2 up to {@code degree}, like
 * scikit-learn's {@code PolynomialFeatures} without the bias column: with columns a, b and degree 2,
 * a^2, a*b, b^2 ({@code interactionOnly}: only a*b). The feature count grows fast, which is exactly
 * how a model is led to overfit. {@code columns} empty means every numeric column.
 */
public record PolynomialFeatures(int degree, List<String> columns, boolean interactionOnly) implements UnsupervisedStep {
    public PolynomialFeatures {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "polynomial";
    }

    @Override
    public Fitted fit(Table train) {
        List<String> chosen = new ArrayList<>();
        for (String name : columns) {
            if (!train.columnNames().contains(name) || !(train.column(name) instanceof DoubleColumn)) {
                String nearest = Suggest.nearest(name, train.columnNames());
                throw new InputException("features.polynomial.columns: no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        for (Column<?> c : train.columns()) {
            if (c instanceof DoubleColumn && (columns.isEmpty() || columns.contains(c.name()))) {
                chosen.add(c.name());
            }
        }
        requireRoom(chosen.size(), train.rowCount());
        List<List<String>> terms = new ArrayList<>();
        for (int d = 2; d <= degree; d++) {
            terms(chosen, d, 0, new ArrayList<>(), terms);
        }
        return new Fitted(degree, chosen, terms, train.columnCount());
    }

    /** Bytes a term costs beside its numbers: its name, its list of columns, its column object. */
    private static final long BYTES_PER_TERM = 200;

    /**
     * The new features are dense numbers, and their count grows as columns^degree: refused before they are
     * listed when they would take more than {@link Memory#MAX_SHARE} of the heap. Degree 3 over 300 columns
     * (4.6 million features) ran for 264 s and ended in an OutOfMemoryError.
     */
    private void requireRoom(int columnCount, int rows) {
        double terms = 0;
        for (int d = 2; d <= degree; d++) {
            terms += combinations(interactionOnly ? columnCount : columnCount + d - 1, d);
        }
        long bytes = (long) Math.min(terms * ((double) rows * Double.BYTES + BYTES_PER_TERM), Long.MAX_VALUE);
        if (!Memory.fits(bytes)) {
            throw new InputException(String.format(java.util.Locale.ROOT, "features.polynomial: degree %d over %d columns makes"
                    + " %,.0f new features x %,d rows (%s as numbers), more than %.0f%% of the %s this JVM may use; name fewer"
                    + " columns (features.polynomial.columns), lower the degree, or keep interactions only"
                    + " (features.polynomial.interaction_only)", degree, columnCount, terms, rows,
                    Memory.size(bytes), Memory.MAX_SHARE * 100, Memory.size(Memory.maxHeap())));
        }
    }

    /** n choose k, as a double (exact below 2^53). */
    private static double combinations(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return n < k ? 0 : c;
    }

    /** Appends every multiset (or set, for interactions only) of {@code size} columns in index order. */
    private void terms(List<String> chosen, int size, int from, List<String> current, List<List<String>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < chosen.size(); i++) {
            current.add(chosen.get(i));
            terms(chosen, size, interactionOnly ? i + 1 : i, current, out);
            current.remove(current.size() - 1);
        }
    }

    /** The product terms to append, each a list of column names (a name twice means squared). */
    @JsonTypeName("polynomial")
    public record Fitted(int degree, List<String> columns, List<List<String>> terms, int inputFeatures)
            implements FittedStep {
        public Fitted {
            columns = List.copyOf(columns);
            terms = terms.stream().map(List::copyOf).toList();
        }

        /** "Age^2*Fare" for [Age, Age, Fare]. */
        static String termName(List<String> term) {
            Map<String, Integer> powers = new LinkedHashMap<>();
            term.forEach(c -> powers.merge(c, 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            powers.forEach((c, p) -> parts.add(p == 1 ? c : c + "^" + p));
            return String.join("*", parts);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, double[]> inputs = new LinkedHashMap<>();
            for (String c : columns) {
                inputs.put(c, FeatureColumns.numeric(features, c, name()).asDoubleArray());
            }
            List<DoubleColumn> added = new ArrayList<>();
            for (List<String> term : terms) {
                double[] product = new double[features.rowCount()];
                java.util.Arrays.fill(product, 1.0);
                for (String c : term) {
                    double[] x = inputs.get(c);
                    for (int i = 0; i < product.length; i++) {
                        product[i] *= x[i];
                    }
                }
                added.add(DoubleColumn.create(termName(term), product));
            }
            return FeatureColumns.replaced(features, Map.of(), added);
        }

        @Override
        public List<String> sources(String output, List<String> inputs) {
            for (List<String> term : terms) {
                if (termName(term).equals(output)) {
                    return term.stream().distinct().toList();
                }
            }
            return FittedStep.super.sources(output, inputs);
        }

        /** E.g. "degree 2 over Age, Fare: 3 new features (Age^2, Age*Fare, Fare^2); 8 -> 11 features". */
        @Override
        public String summary() {
            List<String> names = terms.stream().map(Fitted::termName).toList();
            String shown = names.size() <= 8 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 8)) + ", ... " + (names.size() - 8) + " more";
            return "degree " + degree + " over " + String.join(", ", columns) + ": " + terms.size() + " new features ("
                    + shown + "); " + inputFeatures + " -> " + (inputFeatures + terms.size()) + " features";
        }
    }
}
