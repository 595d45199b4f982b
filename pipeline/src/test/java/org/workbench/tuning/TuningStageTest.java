package org.workbench.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.evaluation.Evaluation;
import org.workbench.run.Workbench;
import org.workbench.stats.CorrectedTTest;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.models.TrainConfig;

class TuningStageTest {
    @TempDir
    Path dir;

    private static final String TITANIC = """
            name: tune_test
            problem: {task: classification, target: Survived, metric: accuracy, positive_class: "1"}
            data: {source: %s, missing_values: [""], column_types: {Pclass: categorical}}
            preprocess: {drop: [PassengerId, Name, Ticket, Cabin], impute: {numeric: median, categorical: most_frequent}}
            features: {encode: onehot}
            train: {model: decision_tree, params: {max_depth: 12}}
            evaluate: {cv_folds: 5, metrics: [accuracy]}
            tune: %s
            seed: 42
            """;

    private PipelineConfig config(String tune, String... overrides) throws IOException {
        Path file = dir.resolve("tune_test.yaml");
        Files.writeString(file, String.format(Locale.ROOT, TITANIC, Path.of("../datasets/titanic/data.csv").toAbsolutePath(), tune));
        return ConfigLoader.load(file, List.of(overrides));
    }

    private record Run(RunContext context, StageResult tuning, Path runDir) {
        TuningRecord record() {
            return tuning.data(TuningRecord.class).orElseThrow();
        }
    }

    private Run run(PipelineConfig config) throws IOException {
        RunContext context = new RunContext(config);
        Path runDir = Files.createTempDirectory(dir, "run");
        context.put(RunContext.RUN_DIR, runDir);
        List<String> lines = new ArrayList<>();
        context.put(TuningProgress.KEY, TuningProgress.lines(lines::add));
        List<StageResult> results = Workbench.pipeline().run(context, "tuning", r -> { });
        return new Run(context, results.get(results.size() - 1), runDir);
    }

    private static final String GRID = "{enabled: true, cv_folds: 5, threads: %d, grid: {train.params.max_depth: [2, 3, 4, 6]}}";

    @Test
    void sameSeedSameResultsWithOneOrTwoThreads() throws IOException {
        Run one = run(config(String.format(Locale.ROOT, GRID, 1)));
        Run two = run(config(String.format(Locale.ROOT, GRID, 2)));
        List<Trial> a = trials(one);
        List<Trial> b = trials(two);
        assertEquals(4, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).params(), b.get(i).params());
            assertArrayEquals(a.get(i).folds(), b.get(i).folds(), 0.0);
        }
        assertEquals(one.record().leaderboard(), two.record().leaderboard());
        assertEquals(one.record().test(), two.record().test());
        assertEquals(1, one.record().threads());
        assertEquals(2, two.record().threads());
    }

    @Test
    void bestIsAdoptedRefittedAndTestedOnceWithAVerdict() throws IOException {
        Run run = run(config(String.format(Locale.ROOT, GRID, 2)));
        TuningRecord data = run.record();
        Trial configured = data.configured();
        Trial best = data.best();
        // the configured setting scored on the same seeded 5 folds as the evaluation stage's cross-validation
        Evaluation evaluation = run.context().get(EvaluationStage.EVALUATION);
        for (int f = 0; f < 5; f++) {
            assertEquals(evaluation.folds().get(f).get("accuracy"), configured.folds()[f], 1e-12);
        }
        // the best of the leaderboard is the highest mean, and a 12-deep tree is beaten by a shallow one
        List<Trial> trials = trials(run);
        double top = trials.stream().mapToDouble(Trial::mean).max().orElseThrow();
        assertEquals(top, best.mean());
        assertEquals(best.number(), data.leaderboard().get(0));
        assertTrue(best.mean() > configured.mean());
        assertEquals(true, data.adopted());
        // did tuning help: the corrected t-test of best vs configured on the same folds (570/143 rows)
        CorrectedTTest.Result t = CorrectedTTest.test(best.folds(), configured.folds(), 713 / 5.0, 713 - 713 / 5.0);
        assertEquals(t.pValue(), data.significance().pValue(), 1e-12);
        assertEquals(t.meanDifference(), best.mean() - configured.mean(), 1e-12);
        assertTrue(data.verdict().startsWith(String.format(Locale.ROOT, "did tuning help? the best setting gains %+.4f accuracy",
                t.meanDifference())));
        // the adopted setting replaced the model, and tuned.yaml reproduces it without searching
        assertTrue(run.context().find(TuningStage.TUNED_CONFIG).isPresent());
        // the stage hands tuned.yaml over for the run folder
        Path tuned = run.runDir().resolve(TuningStage.TUNED_YAML);
        Files.write(tuned, run.context().get(TuningStage.TUNED_YAML_FILE).bytes());
        assertEquals(TuningStage.TUNED_YAML, run.context().get(TuningStage.TUNED_YAML_FILE).name());
        PipelineConfig again = ConfigLoader.load(tuned, List.of());
        assertFalse(again.section(TuneConfig.class).enabled());
        assertEquals(best.params().get("train.params.max_depth").intValue(), again.section(TrainConfig.class).params().get("max_depth").intValue());
        Map<String, Double> tunedTest = data.test();
        Evaluation rerun = runEvaluation(again);
        assertEquals(tunedTest.get("accuracy"), rerun.test().get("accuracy"), 1e-12);
    }

    private Evaluation runEvaluation(PipelineConfig config) {
        RunContext context = new RunContext(config);
        Workbench.pipeline().run(context, "evaluation", r -> { });
        return context.get(EvaluationStage.EVALUATION);
    }

    @Test
    void theConfiguredModelIsKeptWhenNothingBeatsIt() throws IOException {
        Run run = run(config("{enabled: true, cv_folds: 5, threads: 1, grid: {train.params.max_depth: [12]}}"));
        TuningRecord data = run.record();
        assertEquals(false, data.adopted());
        assertFalse(run.context().find(TuningStage.TUNED_CONFIG).isPresent());
        assertTrue(data.verdict().startsWith("did tuning help? no:"), data.verdict());
        assertTrue(run.tuning().summary().contains("configured model kept"));
        assertTrue(new String(run.context().get(TuningStage.TUNED_YAML_FILE).bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("# the configured setting (tuning did not beat it)"));
    }

    @Test
    void randomSearchAndHalvingScoreTheirSettings() throws IOException {
        Run random = run(config("{enabled: true, method: random, n_trials: 4, cv_folds: 3, threads: 2,"
                + " space: {train.params.max_depth: {integer: [1, 8]}}}"));
        List<Trial> trials = trials(random);
        assertEquals(4, trials.size());
        // the settings are the seeded draws
        assertEquals(RandomSearch.sample(random.context().config().section(TuneConfig.class).randomSpace(), 4, 42),
                trials.stream().map(Trial::params).toList());

        Run halving = run(config("{enabled: true, method: halving, cv_folds: 3, threads: 2,"
                + " grid: {train.params.max_depth: [1, 2, 3, 4, 5, 6, 7, 8, 9]}}"));
        List<Trial> all = trials(halving);
        // 9 candidates, factor 3, 713 rows: 1 + log3(9) = 3 rounds: 9 on 713/9 = 79 rows, 3 on 238, 1 on all 713
        assertEquals(13, all.size());
        assertEquals(9, all.stream().filter(t -> t.rows() == 79).count());
        assertEquals(3, all.stream().filter(t -> t.rows() == 238).count());
        assertEquals(1, all.stream().filter(t -> t.rows() == 713).count());
        Trial best = halving.record().best();
        assertEquals(713, best.rows());
        // each round goes on with the best third of the one before
        assertEquals(top(all.subList(0, 9), 3), all.subList(9, 12).stream().map(Trial::number).toList());
        assertEquals(top(all.subList(9, 12), 1), List.of(best.number()));
    }

    private static List<Integer> top(List<Trial> round, int n) {
        return Tuning.ranked(round, "accuracy").subList(0, n).stream().map(Trial::number).sorted().toList();
    }

    @Test
    void anyConfigPathCanBeSearchedNotOnlyTrainerParams() throws IOException {
        Run run = run(config("{enabled: true, cv_folds: 3, threads: 2, grid: {preprocess.impute.numeric: [mean, median],"
                + " preprocess.drop: [[PassengerId, Name, Ticket, Cabin], [PassengerId, Name, Ticket, Cabin, Age]]}}"));
        List<Trial> trials = trials(run);
        assertEquals(4, trials.size());
        assertEquals("mean", trials.get(0).params().get("preprocess.impute.numeric").asText());
        assertEquals(5, trials.get(1).params().get("preprocess.drop").size());
        // dropping Age changes what the tree sees, so the scores differ
        assertTrue(trials.get(0).mean() != trials.get(1).mean());
    }

    @Test
    void anExhaustedTimeBudgetKeepsTheConfiguredModel() throws IOException {
        Run run = run(config("{enabled: true, cv_folds: 3, threads: 1, time_budget: 0.000001,"
                + " grid: {train.params.max_depth: [2, 3]}}"));
        assertEquals(true, run.record().outOfTime());
        assertFalse(run.context().find(TuningStage.TUNED_CONFIG).isPresent());
        assertTrue(run.tuning().summary().contains("no setting scored within the time budget"), run.tuning().summary());
    }

    @Test
    void lowerIsBetterMetricsCountAGainAsAPositiveDifference() {
        Trial best = new Trial(1, Map.of(), 2.0, 0, new double[] {2.0, 2.1, 1.9}, 100, 0, 0);
        Trial configured = new Trial(0, Map.of(), 2.5, 0, new double[] {2.5, 2.4, 2.6}, 100, 0, 0);
        // rmse: configured - best = {0.5, 0.3, 0.7}: mean 0.5, sample variance 0.04;
        // 3 folds of 90 rows: n_test = 30, n_train = 60 -> t = 0.5 / sqrt((1/3 + 1/2) * 0.04) = 2.7386
        CorrectedTTest.Result r = TuningStage.helpTest(best, configured, 90, 3, "rmse");
        assertEquals(0.5, r.meanDifference(), 1e-12);
        assertEquals(2.7386128, r.t(), 1e-6);
        assertEquals(2, r.degreesOfFreedom());
    }

    private static List<Trial> trials(Run run) {
        return run.record().trials();
    }
}
