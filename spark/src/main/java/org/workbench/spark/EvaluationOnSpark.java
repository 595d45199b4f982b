package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.data.Task;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.evaluation.ClusteringMetrics;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.DecisionThreshold;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.workbench.evaluation.Leaderboard;
import org.workbench.evaluation.CrossValidation;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.evaluation.Thresholds;
import org.workbench.evaluation.MetricSummary;
import org.workbench.evaluation.ScoreReport;
import org.workbench.models.TrainConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.workbench.spark.SparkScores.clusterScores;
import static org.workbench.spark.SparkScores.clusteringOrder;
import static org.workbench.spark.SparkScores.headline;
import static org.workbench.spark.SparkScores.report;
import static org.workbench.evaluation.Scoring.restrict;

/**
 * Stage 7 on Spark: scores test, train and a baseline with Spark aggregates ({@link SparkScores}), and
 * cross-validates the whole recipe and model, refitted inside every fold.
 */
final class EvaluationOnSpark extends SparkStage {
    /** The training rows with the model's prediction (and probabilities), persisted: deployment writes them. */
    static final Artifact<Dataset<Row>> TRAIN_SCORED = rows("spark_train_scored", "evaluation");
    /** The test rows, scored and persisted the same way. */
    static final Artifact<Dataset<Row>> TEST_SCORED = rows("spark_test_scored", "evaluation");
    /** A sample of the scored test rows for report.html (not written for clustering); the engine reads it after the run. */
    static final Artifact<ChartRows> CHART_ROWS = new Artifact<>("spark_chart_rows", ChartRows.class, "evaluation");

    EvaluationOnSpark(SparkRun run) {
        super(run, "evaluation", "scores test, train and a baseline with Spark aggregates, and cross-validates the whole Spark ML"
                + " pipeline refitted inside every fold");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, DefinitionOnSpark.READ, CollectionOnSpark.ALL, CollectionOnSpark.TRAIN,
                CollectionOnSpark.TEST, RecipeOnSpark.PREPARED, TrainingOnSpark.MODEL);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(EvaluationStage.EVALUATION, TRAIN_SCORED, TEST_SCORED, CHART_ROWS);
    }

    @Override
    StageResult runJobs(RunContext context) {
        Problem problem = context.get(DefinitionStage.PROBLEM);
        Map<String, String> types = context.get(DefinitionOnSpark.READ).types();
        SparkRecipe.Built recipe = context.get(RecipeOnSpark.PREPARED);
        // the rows the recipe and model were fitted on (duplicates dropped when asked), as the local engine scores its
        // prepared training rows; cross-validation splits every training row, refitting the recipe per fold
        Dataset<Row> trainRows = recipe.parts().rows();
        Dataset<Row> testRows = context.get(CollectionOnSpark.TEST).rows();
        Model<?> fitted = context.get(TrainingOnSpark.MODEL);
        EvaluateConfig ev = run.config.section(EvaluateConfig.class);
        // scored once, read by every metric and by the predictions files
        Dataset<Row> testScored = fitted.transform(recipe.transformed(testRows)).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> trainScored = fitted.transform(recipe.transformed(trainRows)).persist(StorageLevel.MEMORY_AND_DISK());
        context.put(TEST_SCORED, testScored);
        context.put(TRAIN_SCORED, trainScored);
        if (problem.task() == Task.CLUSTERING) {
            Dataset<Row> allScored = fitted.transform(recipe.transformed(context.get(CollectionOnSpark.ALL).rows()));
            return clustering(context, problem, types, (KMeansModel) fitted, recipe, trainRows, testRows, trainScored, testScored, allScored);
        }
        SparkModels.Model m = SparkModels.of(problem.model(), problem.task());
        ScoreReport testReport = report(testScored, problem, m);
        Map<String, Double> test = restrict(headline(testReport), problem.metric(), ev.metrics());
        Map<String, Double> train = restrict(headline(report(trainScored, problem, m)), problem.metric(), ev.metrics());
        Map<String, Double> baseline = restrict(SparkScores.baseline(problem, trainRows, testRows), problem.metric(), ev.metrics());
        int k = ev.cvFolds();
        // repeated k-fold: each repeat splits every training row again by a hash under another seed (the first is the
        // unrepeated split), as the local engine reshuffles each repeat
        Dataset<Row> everyTrainingRow = context.get(CollectionOnSpark.TRAIN).rows();
        List<Map<String, Double>> folds = new ArrayList<>();
        long cvStarted = System.nanoTime();
        // evaluate.threshold f1 / youden: chosen on the out-of-fold scores, as locally (on the training rows without CV)
        boolean choosing = !ev.threshold().equals("default") && DecisionThreshold.fixedValue(ev.threshold()) == null;
        long[][] outOfFold = choosing && k >= 2 ? SparkThreshold.counts() : null;
        for (int repeat = 0; k >= 2 && repeat < ev.cvRepeats(); repeat++) {
            folds.addAll(crossValidate(run.config, problem, types, m, withFolds(run.config, types, everyTrainingRow, k, repeat), k,
                    ev.metrics(), outOfFold));
        }
        long cvMillis = (System.nanoTime() - cvStarted) / 1_000_000;
        Evaluation.Threshold threshold = threshold(ev, problem, m, outOfFold, trainScored, testScored);
        Leaderboard leaderboard = ev.compare().isEmpty() ? null : compare(ev, problem, types, everyTrainingRow, folds, cvMillis);
        Map<String, double[]> cv = folds.isEmpty() ? Map.of() : MetricSummary.meanStd(folds);
        context.put(EvaluationStage.EVALUATION, new Evaluation(test, train, baseline, folds, cv, testReport, null, null, leaderboard,
                threshold, null, List.of()));
        context.put(CHART_ROWS, ChartRows.of(threshold == null ? testScored
                : SparkThreshold.relabel(testScored, problem.classes().indexOf(problem.positiveClass()), threshold.value()), problem));
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s", "metric", "test", "train", "baseline"));
        test.forEach((name, v) -> details.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s", name, f4(v),
                train.containsKey(name) ? f4(train.get(name)) : "", baseline.containsKey(name) ? f4(baseline.get(name)) : "")));
        if (test.containsKey("roc_auc")) {
            details.add("roc_auc: Spark's BinaryClassificationEvaluator, the curve down-sampled to " + SparkMetrics.ROC_BINS + " score bins");
        }
        if (!folds.isEmpty()) {
            details.add(k + " folds by a seeded hash of each training row (stratified in expectation)" + (ev.cvRepeats() > 1
                    ? ", repeated " + ev.cvRepeats() + " times under other seeds" : "") + "; recipe and model refitted per fold");
        }
        // the model's own importance, as locally; permutation importance would score the test rows again per column
        List<org.workbench.evaluation.Importance.Entry> own = SparkImportance.own(fitted, recipe.transformed(testRows), recipe.parts(),
                types.keySet());
        if (!own.isEmpty()) {
            details.add("importance (the model's own: " + (SparkImportance.isTree(fitted) ? "Spark's featureImportances, normalised"
                    + " impurity gain" : "absolute coefficients on the scaled features") + "): " + String.join(", ", own.stream()
                    .limit(5).map(en -> en.feature() + " " + f4(en.value())).toList()) + (own.size() > 5 ? ", ..." : "")
                    + "; permutation importance is not computed on the spark engine");
        }
        String metric = problem.metric();
        String summary = String.format(Locale.ROOT, "test %s %s (train %s, baseline %s)", metric, f4(test.get(metric)),
                f4(train.get(metric)), baseline.containsKey(metric) ? f4(baseline.get(metric)) : "n/a")
                + (cv.containsKey(metric) ? String.format(Locale.ROOT, "; %s %s +/- %s", ev.cvName(), f4(cv.get(metric)[0]),
                f4(cv.get(metric)[1])) : "");
        if (leaderboard != null) {
            details.add(Leaderboard.DETAILS_HEADER);
            details.addAll(leaderboard.lines());
        }
        if (threshold != null) {
            details.add(threshold.decision(problem.positiveClass()).describe(problem.target()) + (threshold.chosenOn().equals(Thresholds.OUT_OF_FOLD)
                    ? " (scores counted in bins of 1e-5)" : "") + ": test " + String.join(" ", threshold.test().entrySet().stream()
                    .map(e -> e.getKey() + "=" + f4(e.getValue())).toList()));
        }
        return StageResult.of(name(), summary, details, new EvaluationRecord(test, train, baseline, null, folds, cv, null, testReport,
                null, null, threshold, leaderboard == null ? null : leaderboard.rows().stream().map(r -> new EvaluationRecord.Compared(
                r.model(), r.cv(), r.meanDifference(), r.pValue(), r.significant())).toList(), own.isEmpty() ? null : new EvaluationRecord.Importances(own, List.of()), null));
    }

    /**
     * {@code evaluate.compare}: every algorithm cross-validated on the configured model's folds (the same hashed folds, each
     * repeat), the whole recipe refitted per fold, ranked with the corrected t-test against the best by the core's
     * {@link Leaderboard}; each fold's row counts from one count per repeat.
     */
    private Leaderboard compare(EvaluateConfig ev, Problem problem, Map<String, String> types, Dataset<Row> trainRows,
                                List<Map<String, Double>> configuredFolds, long configuredMillis) {
        int k = ev.cvFolds();
        List<long[]> sizes = new ArrayList<>();
        long total = 0;
        for (int repeat = 0; repeat < ev.cvRepeats(); repeat++) {
            long[] perFold = new long[k];
            for (Row r : withFolds(run.config, types, trainRows, k, repeat).groupBy(SparkRun.FOLD).count().collectAsList()) {
                perFold[(int) r.getLong(0)] = r.getLong(1);
            }
            sizes.add(perFold);
            total = java.util.Arrays.stream(perFold).sum();
        }
        Map<String, CrossValidation.Result> results = new LinkedHashMap<>();
        results.put(problem.model(), result(configuredFolds, sizes, total, configuredMillis));
        for (String name : ev.compare()) {
            if (results.containsKey(name)) {
                continue;
            }
            PipelineConfig config = run.config.with(Map.of("train.model", JsonNodeFactory.instance.textNode(name), "train.params",
                    paramsFor(name, run.config)));
            SparkModels.Model m = SparkModels.of(name, problem.task());
            long started = System.nanoTime();
            List<Map<String, Double>> folds = new ArrayList<>();
            for (int repeat = 0; repeat < ev.cvRepeats(); repeat++) {
                folds.addAll(crossValidate(config, problem, types, m, withFolds(config, types, trainRows, k, repeat), k, ev.metrics()));
            }
            results.put(name, result(folds, sizes, total, (System.nanoTime() - started) / 1_000_000));
        }
        return Leaderboard.of(problem.metric(), results, ev.alpha());
    }

    /** The parameters a compared algorithm is given: its evaluate.compare_params, the configured ones for the configured model, else defaults. */
    static JsonNode paramsFor(String model, PipelineConfig config) {
        EvaluateConfig ev = config.section(EvaluateConfig.class);
        JsonNode given = ev.compareParams().get(model);
        if (given != null) {
            return given;
        }
        TrainConfig train = config.section(TrainConfig.class);
        return model.equals(train.model()) ? train.params() : JsonNodeFactory.instance.objectNode();
    }

    private static CrossValidation.Result result(List<Map<String, Double>> folds, List<long[]> sizes, long total, long millis) {
        List<CrossValidation.Fold> out = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            long test = sizes.get(i / sizes.get(0).length)[i % sizes.get(0).length];
            out.add(new CrossValidation.Fold(folds.get(i), millis / Math.max(1, folds.size()), (int) (total - test), (int) test));
        }
        return new CrossValidation.Result(out, null);
    }

    /**
     * The decision threshold of {@code evaluate.threshold}: the config's number, or chosen by its rule on the out-of-fold
     * counts (else on the training rows' own scores, optimistic, as the local engine says), with the test metrics at it;
     * null for the default rule or when the rows hold one class.
     */
    private Evaluation.Threshold threshold(EvaluateConfig ev, Problem problem, SparkModels.Model m, long[][] outOfFold,
                                           Dataset<Row> trainScored, Dataset<Row> testScored) {
        if (ev.threshold().equals("default")) {
            return null;
        }
        int positive = problem.classes().indexOf(problem.positiveClass());
        Double fixed = DecisionThreshold.fixedValue(ev.threshold());
        double value;
        String chosenOn;
        if (fixed != null) {
            value = fixed;
            chosenOn = "evaluate.threshold";
        } else {
            long[][] counts = outOfFold;
            chosenOn = Thresholds.OUT_OF_FOLD;
            if (counts == null) {
                counts = SparkThreshold.counts();
                SparkThreshold.count(trainScored, positive, counts);
                chosenOn = Thresholds.IN_SAMPLE;
            }
            value = SparkThreshold.choose(ev.threshold(), counts);
            if (Double.isNaN(value)) {
                return null;
            }
        }
        Map<String, Double> at = restrict(headline(report(SparkThreshold.relabel(testScored, positive, value), problem, m)),
                problem.metric(), ev.metrics());
        return new Evaluation.Threshold(fixed != null ? DecisionThreshold.FIXED : ev.threshold(), value, chosenOn, at);
    }

    /** The training rows with their fold: a seeded hash of each row, so every setting tuning tries sees the same folds. */
    static Dataset<Row> withFolds(PipelineConfig config, Map<String, String> types, Dataset<Row> trainRows, int k) {
        return withFolds(config, types, trainRows, k, 0);
    }

    /** ... for one repeat of repeated k-fold: repeat 0 is the split above, each later one hashes under its own seed. */
    static Dataset<Row> withFolds(PipelineConfig config, Map<String, String> types, Dataset<Row> trainRows, int k, int repeat) {
        return trainRows.withColumn(SparkRun.FOLD, functions.floor(
                SparkData.unit(config.seed() + 1 + 1000L * repeat, types.keySet().toArray(String[]::new)).multiply(k)));
    }

    /** Each fold's scores under {@code config}: the whole recipe and model fitted on the fold's training rows only. */
    static List<Map<String, Double>> crossValidate(PipelineConfig config, Problem problem, Map<String, String> types,
                                                   SparkModels.Model m, Dataset<Row> withFold, int k, List<String> wanted) {
        return crossValidate(config, problem, types, m, withFold, k, wanted, null);
    }

    /** ... and, given {@code outOfFold}, each fold's scores of its held-out rows counted into it ({@link SparkThreshold#count}). */
    static List<Map<String, Double>> crossValidate(PipelineConfig config, Problem problem, Map<String, String> types,
                                                   SparkModels.Model m, Dataset<Row> withFold, int k, List<String> wanted,
                                                   long[][] outOfFold) {
        List<Map<String, Double>> folds = new ArrayList<>();
        JsonNode params = m.spec().resolvedParams(config.section(TrainConfig.class).params());
        List<String> exclude = problem.target() == null ? List.of() : List.of(problem.target());
        for (int f = 0; f < k; f++) {
            Dataset<Row> foldTrain = withFold.filter(col(SparkRun.FOLD).notEqual(f));
            Dataset<Row> foldTest = withFold.filter(col(SparkRun.FOLD).equalTo(f));
            SparkRecipe.Parts parts = SparkRecipe.build(config, types, exclude, problem.task(), foldTrain);
            PipelineModel recipe = new Pipeline().setStages(parts.all().toArray(PipelineStage[]::new)).fit(parts.rows());
            Dataset<Row> prepared = recipe.transform(parts.rows());
            long rows = parts.rows().count();
            Model<?> model = TrainingOnSpark.fit(m, params, config.seed(), rows, prepared);
            Dataset<Row> heldOut = model.transform(recipe.transform(foldTest));
            folds.add(restrict(headline(report(heldOut, problem, m)), problem.metric(), wanted));
            if (outOfFold != null) {
                SparkThreshold.count(heldOut, problem.classes().indexOf(problem.positiveClass()), outOfFold);
            }
            if (parts.rows() != foldTrain) {
                parts.rows().unpersist();
            }
        }
        return folds;
    }

    private StageResult clustering(RunContext context, Problem problem, Map<String, String> types, KMeansModel km, SparkRecipe.Built recipe,
                                   Dataset<Row> trainRows, Dataset<Row> testRows, Dataset<Row> trainScored, Dataset<Row> testScored,
                                   Dataset<Row> allScored) {
        long seed = run.config.seed();
        Vector[] centres = km.clusterCenters();
        Map<String, Double> test = clusterScores(testScored, centres, problem, types, seed);
        Map<String, Double> train = clusterScores(trainScored, centres, problem, types, seed);
        Map<String, Double> all = clusterScores(allScored, centres, problem, types, seed);
        // the baseline puts every row in one cluster, centred on the training rows' mean
        Map<String, Double> baseline = new LinkedHashMap<>();
        if (problem.target() != null) {
            baseline.put("ari", 0.0);
            baseline.put("nmi", 0.0);
        }
        Vector mean = (Vector) recipe.transformed(trainRows).select(Summarizer.mean(col(SparkRun.FEATURES))).first().get(0);
        baseline.put("wcss", SparkScores.wcss(recipe.transformed(testRows).withColumn(SparkRun.PREDICTION, lit(0)), new Vector[] {mean}));
        Map<String, Double> testOrdered = clusteringOrder(test);
        context.put(EvaluationStage.EVALUATION, new Evaluation(testOrdered, clusteringOrder(train), clusteringOrder(baseline), List.of(),
                Map.of(), null, null));
        String metric = problem.metric();
        String summary = String.format(Locale.ROOT, "test %s %s (train %s, all rows %s)", metric,
                testOrdered.containsKey(metric) ? f4(testOrdered.get(metric)) : "n/a", train.containsKey(metric) ? f4(train.get(metric)) : "n/a",
                all.containsKey(metric) ? f4(all.get(metric)) : "n/a");
        List<String> details = List.of("silhouette: Euclidean, on at most " + ClusteringMetrics.SILHOUETTE_LIMIT
                + " sampled rows (the local definition); wcss and agreement over every row, aggregated by Spark");
        return StageResult.of(name(), summary, details, new EvaluationRecord(testOrdered, clusteringOrder(train), clusteringOrder(baseline),
                clusteringOrder(all), List.of(), Map.of(), "not applicable: clustering has no target to cross-validate against", null, null,
                null, null, null, null, null));
    }
}
