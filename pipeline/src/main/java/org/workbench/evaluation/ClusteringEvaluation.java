package org.workbench.evaluation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.recipe.ApplyLog;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import org.workbench.collection.CollectionStage;
import org.workbench.training.TrainingStage;
import org.workbench.definition.DefinitionStage;
import org.workbench.recipe.RecipeStage;

/**
 * The evaluation stage for clustering. The model was fitted on the training rows; it assigns the
 * held-out test rows to its clusters, and those are scored, beside the training rows, every row, and
 * a baseline that puts every row in one cluster. Cross-validation does not apply: there is no
 * target to validate against, so it is recorded as not applicable.
 */
final class ClusteringEvaluation {
    static final String NO_CV = "not applicable: clustering has no target to cross-validate against";

    private ClusteringEvaluation() {
    }

    static StageResult run(String stage, RunContext context) {
        PipelineConfig config = context.config();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        RecipeStage.Prepared prepared = context.get(RecipeStage.PREPARED);
        Frame train = prepared.train();
        Frame test = prepared.test();
        // every row in file order, put back together from the two splits (the only copy of all rows kept)
        Frame all = Frame.merge(context.get(CollectionStage.SPLIT), context.get(CollectionStage.RAW_TRAIN),
                context.get(CollectionStage.RAW_TEST));
        TrainedModel model = context.get(TrainingStage.MODEL);
        long seed = config.seed();
        List<String> wanted = config.section(EvaluateConfig.class).metrics();

        Predictions testPredictions = model.predict(test.features());
        ClusteringReport testReport = score(model, test.features(), test.target(), testPredictions, seed);
        Predictions trainPredictions = model.predict(train.features());
        ClusteringReport trainReport = score(model, train.features(), train.target(), trainPredictions, seed);
        Frame allProcessed = all.withFeatures(prepared.fitted().apply(all.features(), new ApplyLog()));
        // every row is predicted once: all rows are the training rows as the bundle sees them (the training
        // split itself unless a step dropped or re-encoded its rows) and the test rows, already predicted
        Predictions trainAsApplied = prepared.trainAsApplied() && train.rows() == context.get(CollectionStage.RAW_TRAIN).rows()
                ? trainPredictions
                : model.predict(prepared.fitted().apply(context.get(CollectionStage.RAW_TRAIN).features(), new ApplyLog()));
        ClusteringReport allReport = score(model, allProcessed.features(), all.target(),
                Predictions.merge(context.get(CollectionStage.SPLIT), trainAsApplied, testPredictions), seed);
        TrainedModel baseline = TrainedModel.train(ModelCatalog.spec("baseline", Task.CLUSTERING),
                JsonNodeFactory.instance.objectNode(), seed, train.features(), train.target());
        ClusteringReport baselineReport = score(baseline, test.features(), test.target(),
                baseline.predict(test.features()), seed);

        Map<String, Double> testScores = Scoring.restrict(testReport.headline(), problem.metric(), wanted);
        Map<String, Double> trainScores = Scoring.restrict(trainReport.headline(), problem.metric(), wanted);
        Map<String, Double> baselineScores = Scoring.restrict(baselineReport.headline(), problem.metric(), wanted);
        Map<String, Double> allScores = Scoring.restrict(allReport.headline(), problem.metric(), wanted);
        Evaluation evaluation = new Evaluation(testScores, trainScores, baselineScores, List.of(), Map.of(),
                testReport, testPredictions);
        context.put(EvaluationStage.EVALUATION, evaluation);
        context.put(EvaluationStage.EVALUATED_MODEL, FinalModel.evaluated(context, evaluation, trainAsApplied));

        List<String> details = new ArrayList<>();
        details.addAll(MetricTable.scores(testScores, trainScores, baselineScores, Map.of(), false, Map.of("all rows", allScores))
                .text(List.of("metric", "test", "train", "baseline", "all rows"), "", 18, 10, " "));
        details.add(sizes("test", testReport));
        details.add(sizes("train", trainReport));
        details.add(sizes("all rows", allReport));
        if (allReport.silhouetteSampled()) {
            details.add("silhouette on a seeded sample of " + ClusteringMetrics.SILHOUETTE_LIMIT
                    + " rows wherever more rows are clustered (it compares every pair of rows)");
        }
        if (problem.target() != null) {
            details.add("ARI and NMI compare the clusters with '" + problem.target() + "' on " + allReport.labelledRows()
                    + " labelled rows; the baseline (one cluster) scores ARI 0");
        }
        if (config.section(EvaluateConfig.class).cvFolds() >= 2) {
            details.add("cross-validation: " + NO_CV);
        }

        String metric = problem.metric();
        String summary = String.format(Locale.ROOT, "test %s %s (train %s, baseline %s, all rows %s); %d clusters%s; cross-validation"
                        + " not applicable", metric, MetricTable.fixed(testScores.get(metric)),
                MetricTable.fixed(trainScores.get(metric)), MetricTable.fixed(baselineScores.get(metric)),
                MetricTable.fixed(allScores.get(metric)), allReport.clusters(),
                allReport.noise() == 0 ? "" : " and " + allReport.noise() + " noise row" + (allReport.noise() == 1 ? "" : "s"));
        return StageResult.of(stage, summary, details, EvaluationRecord.clustering(testScores, trainScores, baselineScores,
                allScores, NO_CV, testReport, trainReport, allReport));
    }

    private static ClusteringReport score(TrainedModel model, tech.tablesaw.api.Table features, Target truth,
                                          Predictions predicted, long seed) {
        return ClusteringMetrics.compute(features, model.featureNames(), truth.isPresent() ? truth.labels() : null,
                predicted.labels(), seed);
    }

    private static String sizes(String rows, ClusteringReport r) {
        return String.format(Locale.ROOT, "cluster sizes (%s, %d rows): %s", rows, r.rows(), r.sizes());
    }
}
