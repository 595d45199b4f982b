package org.workbench.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Per column: the transform, the fitted Yeo-Johnson lambda (NaN for log1p and sqrt) and the training
 * minimum. log1p and sqrt raise values below the training minimum to it (so new rows stay inside the
 * transform's domain) and count them.
 */
public record FittedTransforms(List<ColumnTransform> columns) implements FittedStep {

    /** One column's transform. */
    public record ColumnTransform(String column, String kind, double lambda, double trainingMin) {
        double apply(double x) {
            return switch (kind) {
                case "log1p" -> Math.log1p(x);
                case "sqrt" -> Math.sqrt(x);
                default -> Double.isNaN(lambda) ? x : Transformer.yeoJohnson(x, lambda);
            };
        }
    }

    public FittedTransforms {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        Map<String, DoubleColumn> replaced = new HashMap<>();
        for (ColumnTransform t : columns) {
            double[] values = FeatureColumns.numeric(features, t.column(), name()).asDoubleArray();
            long raised = 0;
            for (int i = 0; i < values.length; i++) {
                double x = values[i];
                if (!t.kind().equals("power") && x < t.trainingMin()) {
                    x = t.trainingMin();
                    raised++;
                }
                values[i] = t.apply(x);  // NaN stays NaN
            }
            log.count("values of " + t.column() + " below the training minimum raised to it before " + t.kind(), raised);
            replaced.put(t.column(), DoubleColumn.create(t.column(), values));
        }
        return FeatureColumns.replaced(features, replaced, List.of());
    }

    /** E.g. "Fare: log1p; Age: power (Yeo-Johnson lambda 0.8123)". */
    @Override
    public String summary() {
        if (columns.isEmpty()) {
            return "no columns to transform";
        }
        List<String> parts = new ArrayList<>();
        for (ColumnTransform t : columns) {
            // no lambda: fewer than 2 training values to fit it on, so the column is left as it is
            String power = Double.isNaN(t.lambda()) ? "power (left as is: fewer than 2 training values to fit it on)"
                    : "power (Yeo-Johnson lambda " + Numbers.format(t.lambda()) + ")";
            parts.add(t.column() + ": " + (t.kind().equals("power") ? power : t.kind()));
        }
        return String.join("; ", parts);
    }
}
