package org.workbench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.workbench.config.PipelineConfig;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.definition.Problem;
import org.workbench.training.Candidate;
import org.workbench.models.ModelCatalog;
import org.workbench.evaluation.FoldScore;
import org.workbench.core.Workers;
import org.workbench.table.DataConfig;

/**
 * Learning and validation curves on the training split. Every point is k-fold cross-validation with
 * the whole recipe refitted per fold; all points share the same seeded folds.
 */
public final class Curves {
    private Curves() {
    }

    /** The folds every lab measurement uses. */
    static List<Split> folds(PipelineConfig config, Frame rawTrain, int k) {
        return Splits.kFold(rawTrain.target(), k, config.section(DataConfig.class).split().stratify(), config.seed());
    }

    /** Training and validation score for each value of {@code path}. */
    public static List<CurvePoint> validation(PipelineConfig config, Problem problem, Frame rawTrain, int k,
                                              String path, List<JsonNode> values, Workers workers) {
        List<Split> folds = folds(config, rawTrain, k);
        List<Candidate> candidates = values.stream()
                .map(v -> Candidate.from(config.with(Map.of(path, v)), problem.task())).toList();
        List<Supplier<FoldScore>> jobs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (Split fold : folds) {
                jobs.add(() -> FoldScore.of(candidate, rawTrain, fold, problem, true));
            }
        }
        List<FoldScore> scores = workers.run(jobs);
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(point(values.get(i), scores.subList(i * k, (i + 1) * k), folds.get(0).train().length));
        }
        return points;
    }

    /**
     * Training and validation score when the model is fitted on a share of each fold's training rows
     * (a seeded, stratified subset), always scored on the whole held-out fold.
     */
    public static List<CurvePoint> learning(PipelineConfig config, Problem problem, Frame rawTrain, int k,
                                            List<Double> sizes, Workers workers) {
        List<Split> folds = folds(config, rawTrain, k);
        Candidate candidate = Candidate.from(config, problem.task());
        List<Supplier<FoldScore>> jobs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (double share : sizes) {
            int used = 0;
            for (Split fold : folds) {
                Split smaller = new Split(shareOf(rawTrain, fold.train(), share, config.seed()), fold.test());
                used = smaller.train().length;
                jobs.add(() -> FoldScore.of(candidate, rawTrain, smaller, problem, true));
            }
            rows.add(used);
        }
        List<FoldScore> scores = workers.run(jobs);
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            points.add(point(JsonNodeFactory.instance.numberNode(sizes.get(i)), scores.subList(i * k, (i + 1) * k), rows.get(i)));
        }
        return points;
    }

    /** The baseline model's mean validation score on the same folds: the floor of the diagnosis. */
    public static double baseline(PipelineConfig config, Problem problem, Frame rawTrain, int k, Workers workers) {
        Candidate candidate = Candidate.from(config, problem.task())
                .withModel(ModelCatalog.spec("baseline", problem.task()), JsonNodeFactory.instance.objectNode());
        List<Supplier<FoldScore>> jobs = new ArrayList<>();
        for (Split fold : folds(config, rawTrain, k)) {
            jobs.add(() -> FoldScore.of(candidate, rawTrain, fold, problem, false));
        }
        return meanStd(workers.run(jobs).stream().mapToDouble(FoldScore::validation).toArray())[0];
    }

    /** A seeded subset of {@code share} of the given rows (stratified for classes), sorted. */
    static int[] shareOf(Frame rawTrain, int[] rows, double share, long seed) {
        if (share >= 1.0) {
            return rows;
        }
        Frame part = rawTrain.subset(rows);
        int[] picked = Splits.holdout(part.target(), share, part.target().isCategorical(), seed).test();
        int[] out = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            out[i] = rows[picked[i]];
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static CurvePoint point(JsonNode value, List<FoldScore> scores, int rows) {
        double[] train = meanStd(scores.stream().mapToDouble(FoldScore::train).toArray());
        double[] validation = meanStd(scores.stream().mapToDouble(FoldScore::validation).toArray());
        return new CurvePoint(value, rows, train[0], train[1], validation[0], validation[1]);
    }

    /** Mean and sample standard deviation (n - 1) of the defined values. */
    static double[] meanStd(double[] values) {
        double[] defined = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = defined.length;
        double mean = n == 0 ? Double.NaN : java.util.Arrays.stream(defined).sum() / n;
        double squares = java.util.Arrays.stream(defined).map(v -> (v - mean) * (v - mean)).sum();
        return new double[] {mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1))};
    }
}
