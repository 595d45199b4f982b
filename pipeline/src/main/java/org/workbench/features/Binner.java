package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.workbench.core.InputException;
import org.workbench.recipe.ColumnStats;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;

/**
 * Replaces numeric columns by their bin number 0 .. n-1, with bin edges fitted on the training rows:
 * {@code equal_width} cuts [min, max] into n equal parts, {@code quantile} puts about the same number
 * of training rows in each bin (equal edges merge, so there may be fewer bins). A value equal to an
 * edge goes to the bin above it; values beyond the training range go to the first or last bin.
 */
public record Binner(Map<String, Integer> bins, String method) implements UnsupervisedStep {
    public static final List<String> METHODS = List.of("quantile", "equal_width");

    public Binner {
        bins = Map.copyOf(bins);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("binning method must be one of " + METHODS + ": " + method);
        }
    }

    @Override
    public String name() {
        return "bin";
    }

    @Override
    public FittedBins fit(Table train) {
        List<FittedBins.Edges> fitted = new ArrayList<>();
        for (String name : train.columnNames()) {
            Integer n = bins.get(name);
            if (n == null) {
                continue;
            }
            String path = "features.bins." + name;
            if (n < 2) {
                throw new InputException(path + ": needs at least 2 bins, got " + n);
            }
            double[] sorted = ColumnStats.sorted(ColumnStats.present(FeatureColumns.numeric(train, name, path).asDoubleArray()));
            TreeSet<Double> edges = new TreeSet<>();
            if (sorted.length > 0) {
                double min = sorted[0];
                double max = sorted[sorted.length - 1];
                for (int i = 1; i < n; i++) {
                    double edge = method.equals("quantile") ? ColumnStats.quantile(sorted, (double) i / n)
                            : min + i * (max - min) / n;
                    if (edge > min && edge <= max) {
                        edges.add(edge);
                    }
                }
            }
            fitted.add(new FittedBins.Edges(name, method, List.copyOf(edges)));
        }
        for (String name : bins.keySet()) {
            if (!train.columnNames().contains(name)) {
                throw new InputException("features.bins." + name + ": no column '" + name + "'");
            }
        }
        return new FittedBins(fitted);
    }
}
