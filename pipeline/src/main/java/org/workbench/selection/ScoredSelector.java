package org.workbench.selection;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workbench.core.InputException;
import org.workbench.data.Target;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.Step;
import org.workbench.stats.Association;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Keeps features by a score computed on the training rows:
 * <ul>
 *   <li>variance: keeps features whose variance exceeds {@code threshold};</li>
 *   <li>correlation: for every pair of features with |r| above {@code threshold}, drops the one less
 *       associated with the target (features are visited from most to least associated);</li>
 *   <li>f_test, target_correlation: the {@code k} best by ANOVA/regression F, or by |r| (eta for classes);</li>
 *   <li>mutual_info: the {@code k} chosen by Tribuo's information-theoretic selector {@code miMethod}
 *       (mim, jmi, mrmr, cmim) with {@code bins} bins (classification only);</li>
 *   <li>model_based: the {@code k} most important features of a model: {@code tree} (CART split
 *       importance) or {@code l1} (L1-regularised logistic regression or lasso weights).</li>
 * </ul>
 * Every feature must be numeric (encode categorical columns first). Ties keep table order.
 */
public record ScoredSelector(String method, int k, double threshold, String miMethod, int bins, String model, long seed)
        implements Step {
    public static final List<String> METHODS =
            List.of("variance", "correlation", "f_test", "target_correlation", "mutual_info", "model_based");

    public ScoredSelector {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("selection method must be one of " + METHODS + ": " + method);
        }
    }

    @Override
    public String name() {
        return "select_" + method;
    }

    @Override
    public Fitted fit(Table features, Target target) {
        if (features.rowCount() == 0) {
            throw new InputException("select.method " + method + ": no training rows to score the features on"
                    + " (check the rows left after preprocessing)");
        }
        Map<String, double[]> columns = numericColumns(features);
        List<String> names = List.copyOf(columns.keySet());
        return switch (method) {
            case "variance" -> byThreshold(names, columns);
            case "correlation" -> correlationFilter(names, columns, target);
            case "f_test" -> topK(names, n -> FeatureScores.fStatistic(columns.get(n), target), "F");
            case "target_correlation" -> topK(names, n -> FeatureScores.association(columns.get(n), target),
                    target.isCategorical() ? "eta" : "|r|");
            case "mutual_info" -> TribuoScores.mutualInformation(features, target, miMethod, k, bins);
            default -> TribuoScores.modelImportance(features, target, model, k, seed);
        };
    }

    private Map<String, double[]> numericColumns(Table features) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Column<?> c : features.columns()) {
            if (!(c instanceof DoubleColumn d)) {
                throw new InputException("select.method " + method + ": feature '" + c.name()
                        + "' is categorical; encode it first (features.encode)");
            }
            double[] values = d.asDoubleArray();
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new InputException("select.method " + method + ": feature '" + c.name()
                            + "' has missing values; impute them first (preprocess.impute)");
                }
            }
            out.put(c.name(), values);
        }
        return out;
    }

    private Fitted byThreshold(List<String> names, Map<String, double[]> columns) {
        List<Fitted.Score> scores = new ArrayList<>();
        for (String n : names) {
            double v = FeatureScores.variance(columns.get(n));
            scores.add(new Fitted.Score(n, v, v > threshold, v > threshold ? "" : "variance <= " + threshold));
        }
        return Fitted.of("variance", "variance", scores);
    }

    private Fitted topK(List<String> names, java.util.function.ToDoubleFunction<String> score, String what) {
        Map<String, Double> values = new LinkedHashMap<>();
        names.forEach(n -> values.put(n, score.applyAsDouble(n)));
        List<String> ranked = new ArrayList<>(names);
        ranked.sort(Comparator.comparingDouble((String n) -> values.get(n)).reversed());
        List<String> kept = ranked.subList(0, Math.min(k, ranked.size()));
        List<Fitted.Score> scores = new ArrayList<>();
        for (String n : names) {
            boolean keep = kept.contains(n);
            scores.add(new Fitted.Score(n, values.get(n), keep, keep ? "" : "not in the top " + k));
        }
        return Fitted.of(method, what, scores);
    }

    private Fitted correlationFilter(List<String> names, Map<String, double[]> columns, Target target) {
        Map<String, Double> association = new LinkedHashMap<>();
        names.forEach(n -> association.put(n, FeatureScores.association(columns.get(n), target)));
        List<String> order = new ArrayList<>(names);
        order.sort(Comparator.comparingDouble((String n) -> association.get(n)).reversed());
        List<String> kept = new ArrayList<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (String n : order) {
            String clash = null;
            for (String other : kept) {
                double r = Association.pearson(columns.get(n), columns.get(other));
                if (Math.abs(r) > threshold) {
                    clash = String.format(java.util.Locale.ROOT, "|r| %.4f with %s", Math.abs(r), other);
                    break;
                }
            }
            if (clash == null) {
                kept.add(n);
            } else {
                why.put(n, clash);
            }
        }
        List<Fitted.Score> scores = new ArrayList<>();
        for (String n : names) {
            scores.add(new Fitted.Score(n, association.get(n), kept.contains(n), why.getOrDefault(n, "")));
        }
        return Fitted.of("correlation", target.isCategorical() ? "eta with target" : "|r| with target", scores);
    }

    /**
     * Every feature's training score under {@code method} ({@code measure} names the number), whether it
     * was kept, and why not. Applying keeps exactly the kept features, in table order.
     */
    @JsonTypeName("select_scored")
    public record Fitted(String method, String measure, List<Score> scores) implements FittedStep {

        /** One feature's score and fate; {@code reason} is empty for a kept feature. */
        public record Score(String feature, double score, boolean kept, String reason) {
        }

        public Fitted {
            scores = List.copyOf(scores);
        }

        /** The ranking, checked to keep at least one feature. */
        static Fitted of(String method, String measure, List<Score> scores) {
            if (scores.stream().noneMatch(Score::kept)) {
                throw new InputException("select.method " + method + ": no feature passes (" + scores.size()
                        + " features); lower select.threshold or raise select.k");
            }
            return new Fitted(method, measure, scores);
        }

        @Override
        public String name() {
            return "select_" + method;
        }

        public List<String> features() {
            return scores.stream().filter(Score::kept).map(Score::feature).toList();
        }

        @Override
        public Table apply(Table table, ApplyLog log) {
            Set<String> present = new HashSet<>(table.columnNames());
            List<Column<?>> out = new ArrayList<>();
            for (String feature : features()) {
                if (!present.contains(feature)) {
                    throw new IllegalStateException(name() + ": selected feature '" + feature
                            + "' is not among the features " + table.columnNames());
                }
                out.add(table.column(feature).copy());
            }
            return Table.create(table.name(), out);
        }

        /** E.g. "f_test kept 3 of 5 by F: Sex=male 120.5, Pclass=3 60.2, ...; dropped: Parch 0.8 (not in the top 3)". */
        @Override
        public String summary() {
            List<Score> ranked = new ArrayList<>(scores);
            ranked.sort(Comparator.comparingDouble(Score::score).reversed());
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (Score s : ranked) {
                String text = s.feature() + " " + Numbers.format(s.score());
                if (s.kept()) {
                    kept.add(text);
                } else {
                    dropped.add(text + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")"));
                }
            }
            return method + " kept " + kept.size() + " of " + scores.size() + " by " + measure + ": "
                    + preview(kept) + (dropped.isEmpty() ? "" : "; dropped: " + preview(dropped));
        }

        private static String preview(List<String> items) {
            int shown = Math.min(items.size(), 12);
            String text = String.join(", ", items.subList(0, shown));
            return items.size() > shown ? text + ", ... " + (items.size() - shown) + " more" : text;
        }
    }
}
