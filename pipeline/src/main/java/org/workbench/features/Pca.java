package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;

/**
 * Principal component analysis, as scikit-learn's {@code PCA}: the numeric columns (or those named in
 * {@code columns}) are centred on their training means and replaced by their projections on the
 * eigenvectors of the training covariance (commons-math's {@code EigenDecomposition}), largest
 * variance first, named pc1..pck; text columns pass through. Like scikit-learn it does not scale:
 * put {@code preprocess.scale} before it when the columns have different units.
 * <p>
 * {@code components} is a count (an integer >= 1) or, below 1, the share of the variance to keep:
 * the fewest components whose cumulative share exceeds it. {@code whiten} divides each component by
 * the square root of its variance, so each has variance 1. Each component's largest loading is
 * positive, so the same rows give the same bytes on every run. A missing value counts as the
 * training mean.
 */
public record Pca(double components, boolean whiten, List<String> columns) implements UnsupervisedStep {
    /** The config key, named in errors. */
    static final String KEY = "features.pca";

    public Pca {
        columns = List.copyOf(columns);
        if (!(components >= 1 && components == Math.rint(components)) && !(components > 0 && components < 1)) {
            throw new IllegalArgumentException("components must be an integer >= 1 or a share in (0, 1): " + components);
        }
    }

    @Override
    public String name() {
        return "pca";
    }

    @Override
    public Fitted fit(Table train) {
        List<String> chosen = Projection.columns(train, columns, KEY + ".columns");
        if (chosen.isEmpty()) {
            return new Fitted(List.of(), List.of(), List.of(), List.of(), List.of(), whiten, components, train.rowCount());
        }
        int rows = train.rowCount();
        if (rows < 2) {
            throw new InputException(KEY + ": needs at least 2 training rows to estimate the covariance, got " + rows);
        }
        int p = chosen.size();
        if (components >= 1 && components > p) {
            throw new InputException(KEY + ".components: " + (long) components + " components asked for, but there are only "
                    + p + " numeric columns to project (" + Projection.shortList(chosen, 5) + ")");
        }
        double[][] x = Projection.values(train, chosen, name());
        double[] means = Projection.means(x);
        double[][] centred = Projection.centred(x, means);
        Projection.Eigen eigen = Projection.eigen(Projection.scatter(centred, p, rows - 1));
        double total = 0;
        for (double v : eigen.values()) {
            total += v;
        }
        if (!(total > 0)) {
            throw new InputException(KEY + ": the columns to project (" + Projection.shortList(chosen, 5)
                    + ") do not vary over the " + rows + " training rows; there is no variance to keep");
        }
        double[] ratios = new double[p];
        for (int j = 0; j < p; j++) {
            ratios[j] = eigen.values()[j] / total;
        }
        int k = components >= 1 ? (int) components : kept(ratios, components);
        List<List<Double>> vectors = new ArrayList<>();
        List<Double> variances = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            vectors.add(Projection.list(eigen.vectors()[j]));
            variances.add(eigen.values()[j]);
        }
        Fitted fitted = new Fitted(chosen, Projection.list(means), vectors, variances, Projection.list(ratios), whiten,
                components, rows);
        Projection.checkNames(train, chosen, fitted.outputs(), KEY);
        return fitted;
    }

    /** The fewest leading components whose cumulative share exceeds {@code share} (scikit-learn's rule; the Spark engine's too). */
    public static int kept(double[] ratios, double share) {
        double cumulative = 0;
        for (int j = 0; j < ratios.length; j++) {
            cumulative += ratios[j];
            if (cumulative > share) {
                return j + 1;
            }
        }
        return ratios.length;
    }

    /**
     * The fitted projection: the columns it consumes and their training means, one unit eigenvector
     * per kept component (its loadings, in column order) with its variance, every component's share
     * of the total variance (kept or not: the explained-variance chart), and whether components are
     * whitened. {@code requested} is the {@code components} setting.
     */
    @JsonTypeName("pca")
    public record Fitted(List<String> columns, List<Double> means, List<List<Double>> components, List<Double> variances,
                         List<Double> varianceRatios, boolean whiten, double requested, int trainingRows)
            implements FittedStep {
        public Fitted {
            columns = List.copyOf(columns);
            means = List.copyOf(means);
            components = components.stream().map(List::copyOf).toList();
            variances = List.copyOf(variances);
            varianceRatios = List.copyOf(varianceRatios);
        }

        @Override
        public boolean changesNothing() {
            return columns.isEmpty();
        }

        /** pc1..pck. */
        @JsonIgnore
        public List<String> outputs() {
            return Projection.names("pc", components.size());
        }

        /** Each component is computed from every projected column. */
        @Override
        public List<String> sources(String output, List<String> inputs) {
            return outputs().contains(output) ? columns : FittedStep.super.sources(output, inputs);
        }

        /** The share of the variance the kept components carry. */
        @JsonIgnore
        public double keptVariance() {
            double sum = 0;
            for (int j = 0; j < components.size(); j++) {
                sum += varianceRatios.get(j);
            }
            return sum;
        }

        /** Per output, the weight of each input column: the loadings, divided by the component's deviation when whitened. */
        @JsonIgnore
        public List<List<Double>> weights() {
            if (!whiten) {
                return components;
            }
            List<List<Double>> weights = new ArrayList<>();
            for (int j = 0; j < components.size(); j++) {
                // a component without variance stays unscaled rather than infinite
                double deviation = variances.get(j) > 0 ? Math.sqrt(variances.get(j)) : 1;
                weights.add(components.get(j).stream().map(w -> w / deviation).toList());
            }
            return weights;
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            return Projection.apply(features, columns, means, weights(), outputs(), name(), log);
        }

        /**
         * E.g. "13 columns (alcohol, ...) -> 10 components (pc1..pc10) keeping 0.9659 of the variance (asked: 0.95 of
         * the variance); shares 0.3622, 0.1923, 0.1124, 0.07422, ...; centred on 142 training rows".
         */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no numeric columns to project";
            }
            String asked = requested >= 1 ? (long) requested + " components" : Numbers.format(requested) + " of the variance";
            List<String> shares = varianceRatios.subList(0, Math.min(4, varianceRatios.size())).stream()
                    .map(Numbers::format).toList();
            return columns.size() + " columns (" + Projection.shortList(columns, 5) + ") -> " + components.size()
                    + (components.size() == 1 ? " component" : " components") + " (pc1" + (components.size() > 1 ? "..pc" + components.size() : "") + ") keeping "
                    + Numbers.format(keptVariance()) + " of the variance (asked: " + asked + "); shares "
                    + String.join(", ", shares) + (varianceRatios.size() > 4 ? ", ..." : "")
                    + (whiten ? "; whitened" : "") + "; centred on " + trainingRows + " training rows";
        }
    }
}
