package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
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
    public FittedPolynomial fit(Table train) {
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
        List<List<String>> terms = new ArrayList<>();
        for (int d = 2; d <= degree; d++) {
            terms(chosen, d, 0, new ArrayList<>(), terms);
        }
        return new FittedPolynomial(degree, chosen, terms, train.columnCount());
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
}
