package org.workbench.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The product terms to append, each a list of column names (a name twice means squared). */
public record FittedPolynomial(int degree, List<String> columns, List<List<String>> terms, int inputFeatures)
        implements FittedStep {
    public FittedPolynomial {
        columns = List.copyOf(columns);
        terms = terms.stream().map(List::copyOf).toList();
    }

    @Override
    public String name() {
        return "polynomial";
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

    /** E.g. "degree 2 over Age, Fare: 3 new features (Age^2, Age*Fare, Fare^2); 8 -> 11 features". */
    @Override
    public String summary() {
        List<String> names = terms.stream().map(FittedPolynomial::termName).toList();
        String shown = names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", ... " + (names.size() - 8) + " more";
        return "degree " + degree + " over " + String.join(", ", columns) + ": " + terms.size() + " new features ("
                + shown + "); " + inputFeatures + " -> " + (inputFeatures + terms.size()) + " features";
    }
}
