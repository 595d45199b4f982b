package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.evaluation.Scoring;
import org.workbench.models.TrainConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.stats.CorrectedTTest;
import org.workbench.tuning.Trial;
import org.workbench.tuning.TuneConfig;
import org.workbench.tuning.TunedYaml;
import org.workbench.tuning.Tuning;
import org.workbench.tuning.TuningRecord;
import org.workbench.tuning.TuningStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage 8 on Spark: the core's grid or random search ({@link Tuning#settings}), each setting
 * cross-validated by the evaluation's Spark k-fold (the whole Spark ML pipeline refitted per fold, the
 * same folds for every setting), then the core's leaderboard, corrected t-test verdict and tuned.yaml.
 * When the verdict adopts the best setting ({@code tune.adopt}, as locally), its whole Spark ML pipeline is
 * refitted on every training row and scored on the test rows once: it becomes the run's final model
 * ({@link SparkFinalModel#ADOPTED}), which deployment saves and metrics.json's final block reports.
 */
final class TuningOnSpark extends SparkStage {
    TuningOnSpark(SparkRun run) {
        super(run, "tuning", "grid or random search over config values, each setting cross-validated as Spark jobs on the training"
                + " split (the whole Spark ML pipeline refitted per fold)");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, DefinitionOnSpark.READ, CollectionOnSpark.TRAIN, CollectionOnSpark.TEST,
                EvaluationStage.EVALUATION, RunContext.RUN_DIR);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(TuningStage.TUNED_CONFIG, SparkFinalModel.ADOPTED);
    }

    @Override
    public StageResult run(RunContext context) {
        if (!run.config.section(TuneConfig.class).enabled()) {
            return StageResult.of(name(), "skipped (tune.enabled is false)", List.of(), new TuningRecord(true, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null));
        }
        return super.run(context);
    }

    @Override
    StageResult runJobs(RunContext context) {
        PipelineConfig config = run.config;
        TuneConfig tune = config.section(TuneConfig.class);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        if (problem.task() == Task.CLUSTERING) {
            throw new InputException("tune.enabled: the spark engine does not tune clustering (it has no target to cross-validate"
                    + " against); set tune.enabled: false, or run it with --engine local");
        }
        Map<String, String> types = context.get(DefinitionOnSpark.READ).types();
        SparkRows train = context.get(CollectionOnSpark.TRAIN);
        String metric = problem.metric();
        int k = tune.cvFolds();
        List<String> wanted = config.section(EvaluateConfig.class).metrics();
        // every trial reads the same rows with the same fold column: kept by the executors for the whole search
        Dataset<Row> withFold = EvaluationOnSpark.withFolds(config, types, train.rows(), k).persist(StorageLevel.MEMORY_AND_DISK());
        Map<Map<String, JsonNode>, PipelineConfig> settings = Tuning.settings(config);
        int rows = (int) train.count();
        // trial 0 is the configured setting, then the search's settings in their order
        List<Map.Entry<Map<String, JsonNode>, PipelineConfig>> all = new ArrayList<>();
        all.add(Map.entry(Map.of(), config));
        all.addAll(settings.entrySet());
        int threads = Math.min(all.size(), tune.threads() > 0 ? tune.threads() : run.session().sparkContext().defaultParallelism());
        // tune.time_budget: no trial starts after it, as locally (the configured setting is always scored)
        long deadline = tune.timeBudget() > 0 ? System.nanoTime() + (long) (tune.timeBudget() * 1e9) : 0;
        List<Trial> scored;
        try {
            scored = concurrently(all.size(), threads, deadline, i -> run.jobs(name(), () -> trial(i, all.get(i).getKey(),
                    all.get(i).getValue(), problem, types, withFold, k, wanted, rows)));
        } finally {
            withFold.unpersist();
        }
        Trial configured = scored.get(0);
        List<Trial> trials = scored.subList(1, scored.size()).stream().filter(java.util.Objects::nonNull).toList();
        boolean outOfTime = trials.size() < settings.size();
        if (trials.isEmpty()) {
            return StageResult.of(name(), tune.method() + ": no setting scored within the time budget of " + tune.timeBudget() + " s",
                    List.of("the time budget ran out before any setting was scored; the configured model is kept"),
                    TuningRecord.outOfTime(tune.method()));
        }
        List<Trial> ranked = Tuning.ranked(trials, metric);
        Trial best = ranked.get(0);
        boolean improves = Tuning.better(best.mean(), configured.mean(), metric);
        CorrectedTTest.Result test = TuningStage.helpTest(best, configured, (int) train.count(), k, metric);
        double alpha = config.section(EvaluateConfig.class).alpha();
        boolean significant = test.significantAt(alpha);
        boolean adopted = improves && (tune.adopt().equals("better") || significant);
        String verdict = TuningStage.verdict(best, configured, test, alpha, metric, improves, adopted);
        PipelineConfig finalConfig = adopted ? config.with(best.params()) : config;
        Map<String, Double> testScores;
        if (adopted) {
            // the adopted setting is the final model under its own key: the evaluated one stays as it was
            SparkFinalModel tuned = refit(finalConfig, problem, types, train, context.get(CollectionOnSpark.TEST));
            context.put(TuningStage.TUNED_CONFIG, finalConfig);
            context.put(SparkFinalModel.ADOPTED, tuned);
            testScores = tuned.test();
        } else {
            testScores = context.find(EvaluationStage.EVALUATION).map(Evaluation::test).orElse(Map.of());
        }
        context.find(RunContext.RUN_DIR).ifPresent(dir -> TunedYaml.write(dir.resolve(TuningStage.TUNED_YAML), finalConfig, adopted));

        TuningRecord record = new TuningRecord(null, tune.method(), metric, k, threads, settings.size(), configured, trials,
                ranked.stream().map(Trial::number).toList(), best, null, outOfTime,
                new TuningRecord.Significance(test.meanDifference(), test.t(), test.degreesOfFreedom(), test.pValue(), alpha, significant),
                verdict, adopted, testScores, TuningStage.TUNED_YAML, null);

        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.ROOT, "trials run %d at a time as concurrent Spark jobs (tune.threads; 0 = the"
                + " executors' cores), each fit parallel across the executors too; %d folds by a seeded hash of each training row, the"
                + " same folds for every setting, recipe and model refitted per fold", threads, k));
        details.add(String.format(Locale.ROOT, "configured setting: %d-fold CV %s %.4f +/- %.4f", k, metric, configured.mean(),
                configured.std()));
        details.add("leaderboard (" + tune.method() + ", best first):");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            Trial t = ranked.get(i);
            details.add(String.format(Locale.ROOT, "  %2d. trial %d %s: %.4f +/- %.4f (%.2f s)", i + 1, t.number(), t.params(),
                    t.mean(), t.std(), t.millis() / 1000.0));
        }
        if (outOfTime) {
            details.add("the time budget of " + tune.timeBudget() + " s ran out; " + (settings.size() - trials.size())
                    + " settings not started in time are left out");
        }
        details.add(verdict);
        details.add(adopted ? "the best setting's whole Spark ML pipeline was refitted on every training row and replaces the"
                + " configured model" : "the configured model is kept");
        if (testScores.containsKey(metric)) {
            details.add(String.format(Locale.ROOT, "test split (scored once, after the search): %s %.4f", metric, testScores.get(metric)));
        }
        details.add("wrote " + TuningStage.TUNED_YAML + ": the final config, to repeat this run without searching");
        String summary = String.format(Locale.ROOT, "%s on spark: %d settings x %d folds; best %s %.4f with %s (configured %.4f); %s%s",
                tune.method(), settings.size(), k, metric, best.mean(), describe(best.params()), configured.mean(),
                adopted ? "adopted" : "configured model kept",
                testScores.containsKey(metric) ? String.format(Locale.ROOT, "; test %s %.4f", metric, testScores.get(metric)) : "");
        return StageResult.of(name(), summary, details, record);
    }

    /**
     * The adopted setting as the final model: its recipe and model fitted on every training row (as the recipe stages
     * and training fit the configured one), then the test and training rows scored once, as the evaluation scores them.
     */
    private SparkFinalModel refit(PipelineConfig tuned, Problem problem, Map<String, String> types, SparkRows train, SparkRows testRows) {
        String model = tuned.section(TrainConfig.class).model().equals("auto") ? problem.model() : tuned.section(TrainConfig.class).model();
        SparkModels.Model m = SparkModels.of(model, problem.task());
        List<String> exclude = problem.target() == null ? List.of() : List.of(problem.target());
        SparkRecipe.Parts parts = SparkRecipe.build(tuned, types, exclude, problem.task(), train.rows());
        SparkRecipe.Built recipe = new SparkRecipe.Built(parts)
                .plus(new Pipeline().setStages(parts.all().toArray(PipelineStage[]::new)).fit(parts.rows()));
        JsonNode params = m.spec().resolvedParams(tuned.section(TrainConfig.class).params());
        Model<?> fitted = TrainingOnSpark.fit(m, params, tuned.seed(), train.count() - parts.duplicates(), recipe.transformed(parts.rows()));
        Dataset<Row> testScored = fitted.transform(recipe.transformed(testRows.rows())).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> trainScored = fitted.transform(recipe.transformed(parts.rows())).persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, Double> scores = Scoring.restrict(SparkScores.headline(SparkScores.report(testScored, problem, m)), problem.metric(),
                run.config.section(EvaluateConfig.class).metrics());
        return new SparkFinalModel(model, true, recipe, fitted, trainScored, testScored, scores, ChartRows.of(testScored, problem));
    }

    /**
     * Runs {@code count} trials, {@code threads} at a time, and returns them in trial order. Spark takes jobs from
     * several driver threads at once (as its own {@code CrossValidator} does with {@code parallelism}): small fits
     * leave executors idle between jobs, which another trial's jobs fill. Each trial's result depends only on its
     * setting and the persisted folds, never on which thread ran it or when.
     */
    static <T> List<T> concurrently(int count, int threads, java.util.function.IntFunction<T> trial) {
        return concurrently(count, threads, 0, trial);
    }

    /**
     * ... where a trial after the first that has not started by {@code deadline} (a {@code System.nanoTime()}; 0: none)
     * is left out: null in its place.
     */
    static <T> List<T> concurrently(int count, int threads, long deadline, java.util.function.IntFunction<T> run) {
        java.util.function.IntFunction<T> trial = i -> i > 0 && deadline != 0 && System.nanoTime() - deadline > 0 ? null : run.apply(i);
        if (threads <= 1) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(trial.apply(i));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spark-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                futures.add(pool.submit(() -> trial.apply(number)));
            }
            List<T> out = new ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trials ran", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One setting's trial: the evaluation's Spark k-fold under the setting's config. */
    private static Trial trial(int number, Map<String, JsonNode> params, PipelineConfig config, Problem problem,
                               Map<String, String> types, Dataset<Row> withFold, int k, List<String> wanted, int rows) {
        long started = System.nanoTime();
        String model = config.section(TrainConfig.class).model();
        SparkModels.Model m = SparkModels.of(model.equals("auto") ? problem.model() : model, problem.task());
        List<Map<String, Double>> folds = EvaluationOnSpark.crossValidate(config, problem, types, m, withFold, k, wanted);
        double[] scores = folds.stream().mapToDouble(f -> f.getOrDefault(problem.metric(), Double.NaN)).toArray();
        return Trial.of(number, params, scores, rows, 0, (System.nanoTime() - started) / 1_000_000);
    }

    private static String describe(Map<String, JsonNode> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((p, v) -> parts.add(p + " = " + v));
        return String.join(", ", parts);
    }
}
