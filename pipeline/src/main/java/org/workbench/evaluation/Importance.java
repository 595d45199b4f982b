package org.workbench.evaluation;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.definition.Problem;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.workbench.data.MetricNames;

/**
 * Which features the model relies on, by source column (one-hot columns "col=level" count for
 * "col"). Two views: the model's own (linear weights on the scaled features, tree split counts or
 * XGBoost gain, as Tribuo reports them; summed over a column's one-hot parts, averaged in absolute
 * value over classes), and permutation importance on the held-out rows: how much the primary metric
 * drops when one source column's values are shuffled among the rows (mean and std over repeats).
 */
public record Importance(String metric, int repeats, List<Entry> model, List<Entry> permutation) {

    /** One source column and its importance; std is 0 for the model's own view. */
    public record Entry(String feature, double value, double std) {
    }

    public static Importance compute(TrainedModel model, Frame test, Problem problem, Collection<String> rawColumns,
                                     int repeats, long seed) {
        return compute(model, test, model.predict(test.features()), problem, rawColumns, repeats, seed);
    }

    /** As above, with the model's predictions on the unpermuted test rows already made (they are not predicted again). */
    public static Importance compute(TrainedModel model, Frame test, Predictions testPredictions, Problem problem,
                                     Collection<String> rawColumns, int repeats, long seed) {
        Map<String, List<String>> groups = groups(model.featureNames(), rawColumns);
        return new Importance(problem.metric(), repeats, modelView(model, groups),
                permutation(model, test, testPredictions, problem, groups, repeats, seed));
    }

    /** Processed feature names grouped by the raw column they came from, in order of first appearance. */
    static Map<String, List<String>> groups(List<String> features, Collection<String> rawColumns) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : features) {
            int eq = f.indexOf('=');
            String source = eq > 0 && rawColumns.contains(f.substring(0, eq)) ? f.substring(0, eq) : f;
            out.computeIfAbsent(source, s -> new ArrayList<>()).add(f);
        }
        return out;
    }

    private static List<Entry> modelView(TrainedModel model, Map<String, List<String>> groups) {
        Map<String, List<Pair<String, Double>>> top;
        try {
            top = model.tribuoModel().getTopFeatures(-1);
        } catch (RuntimeException e) {
            return List.of(); // models without an importance of their own (k-NN, kernel SVM)
        }
        if (top == null || top.isEmpty()) {
            return List.of();
        }
        Map<String, Double> perFeature = new LinkedHashMap<>();
        for (List<Pair<String, Double>> output : top.values()) {
            for (Pair<String, Double> p : output) {
                perFeature.merge(p.getA(), Math.abs(p.getB()) / top.size(), Double::sum);
            }
        }
        return bySource(perFeature, groups);
    }

    /** Each source column's summed importance over its features, largest first. */
    private static List<Entry> bySource(Map<String, Double> perFeature, Map<String, List<String>> groups) {
        List<Entry> out = new ArrayList<>();
        groups.forEach((source, parts) -> out.add(new Entry(source,
                parts.stream().mapToDouble(f -> perFeature.getOrDefault(f, 0.0)).sum(), 0)));
        return sorted(out);
    }

    /**
     * A model's own view from one value per processed feature (an engine that reads it from its own models): summed by
     * source column as above, largest first.
     */
    public static List<Entry> ownView(List<String> features, double[] values, Collection<String> rawColumns) {
        Map<String, Double> perFeature = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            perFeature.merge(features.get(i), values[i], Double::sum);
        }
        return bySource(perFeature, groups(features, rawColumns));
    }

    private static List<Entry> permutation(TrainedModel model, Frame test, Predictions testPredictions, Problem problem,
                                           Map<String, List<String>> groups, int repeats, long seed) {
        if (repeats <= 0) {
            return List.of();
        }
        String metric = problem.metric();
        double sign = MetricNames.higherIsBetter(metric) ? 1 : -1;
        Double reference = Scoring.headline(problem, test.target(), testPredictions, List.of()).get(metric);
        if (reference == null) {
            return List.of();
        }
        Random random = new Random(seed);
        int n = test.rows();
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                int[] order = shuffled(n, random);
                Table permuted = org.workbench.recipe.FeatureColumns.copy(test.features());
                for (String column : group.getValue()) {
                    double[] values = ((DoubleColumn) test.features().column(column)).asDoubleArray();
                    double[] moved = new double[n];
                    for (int i = 0; i < n; i++) {
                        moved[i] = values[order[i]];
                    }
                    permuted.replaceColumn(column, DoubleColumn.create(column, moved));
                }
                Double score = Scoring.headline(problem, test.target(), model.predict(permuted), List.of()).get(metric);
                drops[r] = score == null ? Double.NaN : sign * (reference - score);
            }
            out.add(new Entry(group.getKey(), mean(drops), std(drops)));
        }
        return sorted(out);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingDouble(Entry::value).reversed()).toList();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
