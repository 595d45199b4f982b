package org.workbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.workbench.config.ConfigException;
import org.workbench.config.PipelineConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.features.FeaturesConfig;
import org.workbench.definition.ClusteringProblem;
import org.workbench.definition.ProblemConfig;
import org.workbench.definition.PrefitCheck;
import org.workbench.core.InputException;
import org.workbench.data.Labels;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.fairness.FairnessCheck;
import org.workbench.fairness.FairnessConfig;
import org.workbench.data.MetricNames;
import org.workbench.models.ModelCatalog;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import org.workbench.table.DataConfig;
import org.workbench.tuning.TuneConfig;
import org.workbench.tuning.Tuning;
import org.workbench.models.TrainConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.definition.Problem;

/**
 * The one check before anything is fitted, shared by {@code workbench run} (at the end of stage 1) and
 * {@code workbench validate}: everything knowable from the config and the file. It cuts the hold-out
 * split and the cross-validation folds exactly as the later stages will, so a run that passes here
 * cannot fail later for lack of rows, and one that fails here fails with one line naming the config key
 * and a value that would work.
 */
public final class Preflight implements PrefitCheck {
    /** The pre-fit check of a whole pipeline, as the definition stage runs it. */
    public static final Preflight CHECK = new Preflight();


    private Preflight() {
    }

    @Override
    public void checkSettings(PipelineConfig config) {
        if (config.section(ProblemConfig.class).isClustering()) {
            clusteringSettings(config);
        }
    }

    @Override
    public Findings check(PipelineConfig config, Table table, Problem problem) {
        return checkTable(config, table, problem);
    }

    /**
     * Checks the problem against the whole table and the config.
     *
     * @throws InputException (or {@link ConfigException}) with one line at the first problem found
     */
    static Findings checkTable(PipelineConfig config, Table table, Problem problem) {
        String file = config.baseDir().relativize(config.section(DataConfig.class).source()).toString();
        featureColumns(config, table, problem, file);
        options(config, problem);
        FairnessCheck.check(config.section(FairnessConfig.class), table, problem, file);
        Target target = target(table, problem);
        if (problem.task() == Task.REGRESSION) {
            constantTarget(target, file);
        }
        int rows = target.size();
        if (rows < 3) {
            String which = problem.target() == null || problem.task() == Task.CLUSTERING ? ""
                    : " with a value for '" + problem.target() + "'";
            throw new InputException(file + ": only " + rows + (rows == 1 ? " row" : " rows") + which
                    + "; a run needs at least 3 (2 to train on, 1 to test); add rows to the file");
        }
        boolean clustering = problem.task() == Task.CLUSTERING;
        var splitConfig = config.section(DataConfig.class).split();
        // the same call, on the same rows, as the collection stage makes
        Split split = Splits.holdout(target, splitConfig.test(), splitConfig.stratify() && !clustering, config.seed());
        Target train = target.subset(split.train());
        Target test = target.subset(split.test());
        if (test.size() == 0) {
            throw new ConfigException("data.split.stratify", "no row reaches the test split: every class of '"
                    + problem.target() + "' in " + file + " has a single row, which a stratified split keeps for training;"
                    + " add rows, or set data.split.stratify: false");
        }
        if (train.size() < 2) {
            throw new ConfigException("data.split.test", String.format(Locale.ROOT, "%s of %d rows leaves %d training"
                    + " row; a model needs at least 2: lower data.split.test (0.2 is usual)", number(splitConfig.test()),
                    rows, train.size()));
        }
        if (problem.task() == Task.CLASSIFICATION && train.counts().size() < 2) {
            throw new ConfigException("data.split.test", "the training split holds only class '" + train.counts().firstKey()
                    + "' of " + target.counts().keySet() + "; lower data.split.test or set data.split.stratify: true");
        }
        if (!clustering) {
            folds(config, train);
        }
        return problem.task() == Task.CLASSIFICATION
                ? new Findings(true, rows, train.size(), test.size(), train.counts(), test.counts())
                : new Findings(!clustering, rows, train.size(), test.size(), null, null);
    }

    /** At least one feature column must be left once the target and {@code preprocess.drop} are removed. */
    private static void featureColumns(PipelineConfig config, Table table, Problem problem, String file) {
        List<String> drop = config.section(PreprocessConfig.class).drop();
        for (int i = 0; i < drop.size(); i++) {
            if (!table.columnNames().contains(drop.get(i))) { // exact: Tablesaw's containsColumn ignores case
                String nearest = org.workbench.config.Suggest.nearest(drop.get(i), table.columnNames());
                throw new ConfigException("preprocess.drop", "no column '" + drop.get(i) + "' in " + file
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        List<String> features = new ArrayList<>(table.columnNames());
        features.remove(problem.target());
        if (features.isEmpty()) {
            throw new InputException(file + ": holds only the target column '" + problem.target()
                    + "'; a model needs at least one feature column beside it");
        }
        features.removeAll(drop);
        if (features.isEmpty()) {
            throw new ConfigException("preprocess.drop", "drops every feature column of " + file
                    + "; keep at least one (remove a name from the list)");
        }
    }

    /** The target of the rows that have one, as the collection stage builds it; every row for clustering. */
    static Target target(Table table, Problem problem) {
        if (problem.task() == Task.CLUSTERING) {
            return Target.none(table.rowCount());
        }
        String[] labels = Labels.of(table.column(problem.target()));
        int[] kept = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] != null).toArray();
        if (problem.task() == Task.CLASSIFICATION) {
            return Target.labels(problem.target(), labels).subset(kept);
        }
        DoubleColumn column = (DoubleColumn) table.column(problem.target());
        double[] values = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            values[i] = column.getDouble(kept[i]);
        }
        return Target.values(problem.target(), values);
    }

    private static void constantTarget(Target target, String file) {
        double[] v = target.values();
        for (double x : v) {
            if (x != v[0]) {
                return;
            }
        }
        if (v.length > 0) {
            throw new ConfigException("problem.target", "'" + target.name() + "' in " + file + " is constant (every row is "
                    + Labels.of(v[0]) + "); there is nothing to predict: choose another target column");
        }
    }

    /**
     * Every cross-validation the run will make, cut as it will be cut: evaluation, tuning and the lab.
     * A fold count above the training rows is an error, and so is a fold whose training part holds a
     * single class (nothing to learn); a class with fewer training rows than folds is only a warning
     * (the data warnings say it), as scikit-learn's StratifiedKFold does.
     */
    private static void folds(PipelineConfig config, Target train) {
        EvaluateConfig evaluate = config.section(EvaluateConfig.class);
        boolean splitStratify = config.section(DataConfig.class).split().stratify();
        if (evaluate.cvFolds() >= 2) {
            checkFolds("evaluate.cv_folds", evaluate.cvFolds(), train, evaluate.stratify(splitStratify), config.seed());
        }
        if (config.section(TuneConfig.class).enabled()) {
            checkFolds("tune.cv_folds", config.section(TuneConfig.class).cvFolds(), train, splitStratify, config.seed());
        }
        if (config.section(TuneConfig.class).lab().any()) {
            checkFolds("tune.lab.cv_folds", config.section(TuneConfig.class).lab().cvFolds(), train, splitStratify, config.seed());
        }
    }

    static void checkFolds(String key, int k, Target train, boolean stratify, long seed) {
        int n = train.size();
        if (k > n) {
            throw new ConfigException(key, k + " folds need at least " + k + " training rows, but the training split has "
                    + n + "; use at most " + n + " (5 or 10 is usual), or lower data.split.test");
        }
        if (!train.isCategorical() || trainsEveryFold(train, k, stratify, seed)) {
            return;
        }
        int works = k - 1;
        while (works >= 2 && !trainsEveryFold(train, works, stratify, seed)) {
            works--;
        }
        throw new ConfigException(key, "with " + k + " folds some fold would train on a single class of '" + train.name()
                + "' " + train.counts() + (works >= 2 ? "; use at most " + works : "; no fold count avoids it: "
                + (key.equals("evaluate.cv_folds") ? "set evaluate.cv_folds: 0 (no cross-validation) or " : "")
                + "add rows of the rarer classes"));
    }

    /** Whether the training part of every fold holds at least two classes. */
    private static boolean trainsEveryFold(Target train, int k, boolean stratify, long seed) {
        for (Split fold : Splits.kFold(train, k, stratify, seed)) {
            if (train.subset(fold.train()).counts().size() < 2) {
                return false;
            }
        }
        return true;
    }

    /** Metric, algorithm and search options of the later stages, checked now so validate and run agree. */
    private static void options(PipelineConfig config, Problem problem) {
        Task task = problem.task();
        if (task == Task.CLUSTERING) {
            return; // ClusteringProblem.checkStages has refused everything that needs a target
        }
        if (task == Task.REGRESSION && config.section(FeaturesConfig.class).lda() != null) {
            throw new ConfigException("features.lda", "linear discriminants need a classification target, and '"
                    + problem.target() + "' is a regression target; use features.pca");
        }
        EvaluateConfig evaluate = config.section(EvaluateConfig.class);
        for (int i = 0; i < evaluate.metrics().size(); i++) {
            MetricNames.check(evaluate.metrics().get(i), task, "evaluate.metrics[" + i + "]");
        }
        List<String> compare = evaluate.compare();
        for (int i = 0; i < compare.size(); i++) {
            String path = "evaluate.compare[" + i + "]";
            try {
                ModelCatalog.spec(compare.get(i), task);
            } catch (ConfigException e) {
                throw new ConfigException(path, problemOf(e));
            }
        }
        if (!compare.isEmpty() && evaluate.cvFolds() < 2) {
            throw new ConfigException("evaluate.compare", "needs cross-validation: set evaluate.cv_folds to 2 or more");
        }
        JsonNode compareParams = evaluate.compareParams();
        compareParams.fieldNames().forEachRemaining(name -> {
            if (!name.equals(problem.model()) && !compare.contains(name)) {
                throw new ConfigException("evaluate.compare_params." + name, "'" + name + "' is not in evaluate.compare " + compare);
            }
            try {
                ModelCatalog.spec(name, task).resolvedParams(compareParams.get(name));
            } catch (ConfigException e) {
                throw new ConfigException("evaluate.compare_params." + name + e.path().replaceFirst("^train\\.params", ""),
                        problemOf(e));
            }
        });
        if (!evaluate.threshold().equals("default") && !problem.isBinary()) {
            throw new ConfigException("evaluate.threshold", "'" + evaluate.threshold() + "' needs a two-class problem; '"
                    + problem.target() + "' has " + problem.classes().size() + " classes (use default)");
        }
        if (!evaluate.threshold().equals("default")) {
            TrainConfig train = config.section(TrainConfig.class);
            if (!ModelCatalog.spec(problem.model(), task).givesProbabilities(train.params())) {
                throw new ConfigException("evaluate.threshold", "'" + evaluate.threshold() + "' needs class probabilities, and '"
                        + problem.model() + "' with these train.params gives none; use default, or a model that gives them"
                        + " (e.g. logistic_regression, or svm with probability: true)");
            }
            // a setting tuning may adopt needs them too: its threshold is chosen again on its own predictions
            Tuning.settings(config).forEach((setting, tried) -> {
                TrainConfig triedTrain = tried.section(TrainConfig.class);
                String model = triedTrain.model().equals("auto") ? problem.model() : triedTrain.model();
                if (!ModelCatalog.spec(model, task).givesProbabilities(triedTrain.params())) {
                    throw new ConfigException("tune", "the search setting " + setting + " trains '" + model
                            + "' without class probabilities, which evaluate.threshold '" + evaluate.threshold()
                            + "' needs if tuning adopts it; take it out of the search, or use evaluate.threshold: default");
                }
            });
        }
        // tune.grid and tune.space paths were checked when the config was loaded (run/ConfigLoader)
    }

    /** The message of a config error without its path. */
    private static String problemOf(ConfigException e) {
        String message = e.getMessage();
        int at = message.indexOf(e.path() + ": ");
        return at < 0 ? message : message.substring(at + e.path().length() + 2);
    }

    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Selection methods that need no target. */
    private static final Set<String> UNSUPERVISED_SELECTION = Set.of("none", "variance");

    /** Fails at the first setting of the other stages that needs a target. */
    private static void clusteringSettings(PipelineConfig config) {
        var features = config.section(FeaturesConfig.class);
        if (features.encode().equals("target")) {
            throw noTarget("features.encode", "target encoding learns from the target; use onehot, ordinal or frequency");
        }
        features.encodeColumns().forEach((column, method) -> {
            if (method.equals("target")) {
                throw noTarget("features.encode_columns." + column, "target encoding learns from the target;"
                        + " use onehot, ordinal or frequency");
            }
        });
        if (features.lda() != null) {
            throw noTarget("features.lda", "linear discriminants separate the target's classes; use features.pca");
        }
        String selection = config.section(SelectConfig.class).method();
        if (!UNSUPERVISED_SELECTION.contains(selection)) {
            throw noTarget("select.method", "'" + selection + "' scores features against the target; use variance,"
                    + " or select.include / select.exclude");
        }
        if (config.section(TuneConfig.class).enabled()) {
            throw noTarget("tune.enabled", "tuning ranks settings by a cross-validated score against the target");
        }
        if (config.section(TuneConfig.class).lab().any()) {
            throw noTarget("tune.lab", "the lab's curves are cross-validated scores against the target");
        }
        var evaluate = config.section(EvaluateConfig.class);
        if (!evaluate.compare().isEmpty()) {
            throw noTarget("evaluate.compare", "algorithms are compared by cross-validated scores against the target");
        }
        if (!evaluate.threshold().equals("default")) {
            throw new ConfigException("evaluate.threshold", "only applies to binary classification");
        }
        if (evaluate.importanceRepeats() > 0) {
            throw noTarget("evaluate.importance_repeats", "permutation importance measures a drop in a score against the target");
        }
        for (int i = 0; i < evaluate.metrics().size(); i++) {
            String path = "evaluate.metrics[" + i + "]";
            MetricNames.check(evaluate.metrics().get(i), Task.CLUSTERING, path);
            if (config.section(ProblemConfig.class).target() == null) {
                ClusteringProblem.needsLabel(evaluate.metrics().get(i), path);
            }
        }
    }

    private static ConfigException noTarget(String path, String why) {
        return new ConfigException(path, why + "; clustering has no target");
    }
}
