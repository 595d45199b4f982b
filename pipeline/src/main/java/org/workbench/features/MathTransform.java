package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Reshapes skewed numeric columns, in place: {@code log1p} (log(1 + x), needs x > -1), {@code sqrt}
 * (needs x >= 0) or {@code power} (Yeo-Johnson, any x). For power, lambda is fitted on the training
 * rows by maximising the Yeo-Johnson log-likelihood with Brent's method on [-5, 5], as scikit-learn's
 * {@code PowerTransformer} does (without its final standardisation).
 */
public record MathTransform(Map<String, String> columns) implements UnsupervisedStep {
    public static final List<String> KINDS = List.of("log1p", "sqrt", "power");
    static final double LAMBDA_BOUND = 5;

    public MathTransform {
        columns = Map.copyOf(columns);
    }

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public Fitted fit(Table train) {
        List<Fitted.ColumnTransform> fitted = new ArrayList<>();
        for (String name : train.columnNames()) {
            String kind = columns.get(name);
            if (kind == null) {
                continue;
            }
            String path = "features.transform." + name;
            if (!KINDS.contains(kind)) {
                throw new InputException(path + ": '" + kind + "' is not one of " + KINDS);
            }
            double[] present = ColumnStats.present(FeatureColumns.numeric(train, name, path).asDoubleArray());
            double min = present.length == 0 ? 0 : ColumnStats.sorted(present)[0];
            if (kind.equals("log1p") && min <= -1 || kind.equals("sqrt") && min < 0) {
                throw new InputException(path + ": " + kind + " needs values " + (kind.equals("sqrt") ? ">= 0" : "> -1")
                        + " but the training rows of '" + name + "' go down to " + min + "; use power (Yeo-Johnson)");
            }
            double lambda = kind.equals("power") && present.length > 1 ? yeoJohnsonLambda(present) : Double.NaN;
            fitted.add(new Fitted.ColumnTransform(name, kind, lambda, min));
        }
        for (String name : columns.keySet()) {
            if (!train.columnNames().contains(name)) {
                throw new InputException("features.transform." + name + ": no column '" + name + "'");
            }
        }
        return new Fitted(fitted);
    }

    /** Yeo-Johnson transform of one value. */
    public static double yeoJohnson(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    /** Log-likelihood of lambda: -n/2 log(variance of transformed) + (lambda - 1) sum sign(x) log1p(|x|). */
    public static double logLikelihood(double[] x, double lambda) {
        double[] y = new double[x.length];
        double jacobian = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = yeoJohnson(x[i], lambda);
            jacobian += Math.signum(x[i]) * Math.log1p(Math.abs(x[i]));
        }
        double mean = ColumnStats.mean(y);
        double std = ColumnStats.populationStd(y, mean);
        return -x.length / 2.0 * Math.log(std * std) + (lambda - 1) * jacobian;
    }

    /** The lambda in [-5, 5] that maximises the log-likelihood. */
    public static double yeoJohnsonLambda(double[] x) {
        UnivariateFunction llf = lambda -> logLikelihood(x, lambda);
        BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
        return brent.optimize(new MaxEval(1000), new UnivariateObjectiveFunction(llf), GoalType.MAXIMIZE,
                new SearchInterval(-LAMBDA_BOUND, LAMBDA_BOUND, 0)).getPoint();
    }

    /**
     * Per column: the transform, the fitted Yeo-Johnson lambda (NaN for log1p and sqrt) and the training
     * minimum. log1p and sqrt raise values below the training minimum to it (so new rows stay inside the
     * transform's domain) and count them.
     */
    @JsonTypeName("transform")
    public record Fitted(List<ColumnTransform> columns) implements FittedStep {

        /** One column's transform. */
        public record ColumnTransform(String column, String kind, double lambda, double trainingMin) {
            double apply(double x) {
                return switch (kind) {
                    case "log1p" -> Math.log1p(x);
                    case "sqrt" -> Math.sqrt(x);
                    default -> Double.isNaN(lambda) ? x : MathTransform.yeoJohnson(x, lambda);
                };
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
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
}
