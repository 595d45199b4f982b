package org.workbench.explanation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.TrainingProfile;
import org.workbench.recipe.ApplyLog;
import org.workbench.stats.Quantiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * For models without an exact method: a raw column's contribution to a row is the row's output minus
 * its average output when that column alone takes typical training values instead ({@link #REFERENCES}
 * values: evenly spaced quantiles of a number, the most frequent levels of a category weighted by
 * their counts; from the bundle's training profile, or from the rows themselves for bundles without
 * one). The output is the explained class's probability (1 or 0 for a model without probabilities),
 * or the predicted value. The contributions do not add up to anything: interactions between columns
 * are in none of them. Only the raw columns the model's features come from are scored (a column the
 * recipe drops would get 0). Cost: rows x columns x {@value #REFERENCES} predictions.
 */
final class ReplacementAttribution {
    static final String METHOD = "replacement: output minus its average with the column set to typical training values"
            + " (an estimate; does not add up)";
    static final int REFERENCES = 10;

    private ReplacementAttribution() {
    }

    /** {@code columns}: the raw columns the model's features come from (the others would get 0). */
    static Attributions of(Bundle bundle, Table raw, List<String> columns, Predictions predictions, String target,
                           String[] explainedClass) {
        int rows = raw.rowCount();
        List<String> names = List.copyOf(columns);
        String[] explained = new String[rows];
        double[] output = outputs(predictions, explainedClass, 0, rows);
        double[] base = new double[rows];
        java.util.Arrays.fill(base, Double.NaN);
        for (int i = 0; i < rows; i++) {
            explained[i] = explainedClass == null ? "predicted " + target
                    : predictions.hasProbabilities() ? "probability of " + target + "=" + explainedClass[i]
                    : "prediction is " + target + "=" + explainedClass[i] + " (1 or 0)";
        }
        double[][] contributions = new double[rows][names.size()];
        for (int j = 0; j < names.size(); j++) {
            Column<?> column = raw.column(names.get(j));
            List<Reference> references = references(bundle.profile(), column);
            Table replaced = raw.emptyCopy();
            for (Reference r : references) {
                Table copy = raw.copy();
                copy.replaceColumn(column.name(), filled(column, r.value(), rows));
                replaced.append(copy);
            }
            String[] repeated = new String[rows * references.size()];
            for (int k = 0; k < repeated.length; k++) {
                repeated[k] = explainedClass == null ? null : explainedClass[k % rows];
            }
            double[] scored = outputs(bundle.predict(replaced, new ApplyLog()), explainedClass == null ? null : repeated,
                    0, repeated.length);
            for (int i = 0; i < rows; i++) {
                double average = 0;
                for (int k = 0; k < references.size(); k++) {
                    average += references.get(k).weight() * scored[k * rows + i];
                }
                contributions[i][j] = output[i] - average;
            }
        }
        return new Attributions(METHOD, false, names, explained, output, base, contributions);
    }

    /** A typical value of a column and its share of the average. */
    record Reference(Object value, double weight) {
    }

    static List<Reference> references(TrainingProfile profile, Column<?> column) {
        TrainingProfile.Distribution d = null;
        if (profile != null) {
            d = profile.columns().stream().filter(c -> c.name().equals(column.name())).findFirst()
                    .map(TrainingProfile.ColumnProfile::distribution).orElse(null);
        }
        if (d == null) {
            d = TrainingProfile.Distribution.of(column);
        }
        List<Reference> out = new ArrayList<>();
        if (column instanceof DoubleColumn) {
            double[] sorted = d.sample() == null ? new double[0] : d.sample().stream().mapToDouble(Double::doubleValue).toArray();
            if (sorted.length == 0) {
                return List.of(new Reference(Double.NaN, 1.0));
            }
            for (int k = 0; k < REFERENCES; k++) {
                out.add(new Reference(Quantiles.of(sorted, (k + 0.5) / REFERENCES), 1.0 / REFERENCES));
            }
            return out;
        }
        List<Map.Entry<String, Long>> levels = new ArrayList<>(d.levels() == null ? Map.<String, Long>of().entrySet()
                : d.levels().entrySet());
        levels.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        levels = levels.subList(0, Math.min(REFERENCES, levels.size()));
        double total = levels.stream().mapToDouble(Map.Entry::getValue).sum();
        if (levels.isEmpty() || total == 0) {
            return List.of(new Reference("", 1.0));
        }
        for (Map.Entry<String, Long> level : levels) {
            out.add(new Reference(level.getKey(), level.getValue() / total));
        }
        return out;
    }

    private static Column<?> filled(Column<?> column, Object value, int rows) {
        if (column instanceof DoubleColumn) {
            double[] values = new double[rows];
            java.util.Arrays.fill(values, (Double) value);
            return DoubleColumn.create(column.name(), values);
        }
        if (column instanceof StringColumn) {
            String[] values = new String[rows];
            java.util.Arrays.fill(values, (String) value);
            return StringColumn.create(column.name(), values);
        }
        throw new IllegalArgumentException("column " + column.name() + " is neither numbers nor text: " + column.type());
    }

    private static double[] outputs(Predictions p, String[] explainedClass, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            if (explainedClass == null) {
                out[i - from] = p.values()[i];
            } else if (p.hasProbabilities()) {
                out[i - from] = p.probabilities()[i][p.classes().indexOf(explainedClass[i])];
            } else {
                out[i - from] = explainedClass[i].equals(p.labels()[i]) ? 1 : 0;
            }
        }
        return out;
    }
}
