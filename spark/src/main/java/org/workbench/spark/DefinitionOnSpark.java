package org.workbench.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Suggest;
import org.workbench.core.Artifact;
import org.workbench.core.InputException;
import org.workbench.data.MetricNames;
import org.workbench.data.Task;
import org.workbench.definition.DefinitionRecord;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.definition.ProblemConfig;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.table.DataConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Stage 1 on Spark: reads the CSV with Spark and pins down the problem from the target column. */
final class DefinitionOnSpark extends SparkStage {
    /** The typed rows Spark read, the column types and the dialect used. */
    static final Artifact<SparkData.Read> READ = new Artifact<>("spark_read", SparkData.Read.class, "definition");

    DefinitionOnSpark(SparkRun run) {
        super(run, "definition", "pins down the problem from the target column, read by Spark: task, classes, metric, algorithm");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of();
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(DefinitionStage.PROBLEM, READ);
    }

    @Override
    StageResult runJobs(RunContext context) {
        PipelineConfig config = run.config;
        ProblemConfig cfg = config.section(ProblemConfig.class);
        TrainConfig train = config.section(TrainConfig.class);
        SparkData.Read read = SparkData.read(run.session(), config.section(DataConfig.class));
        context.put(READ, read);
        List<String> names = new ArrayList<>(read.types().keySet());
        String target = cfg.target();
        if (target != null && !names.contains(target)) {
            String nearest = Suggest.nearest(target, names);
            throw new InputException("problem.target: no column '" + target + "' in the data"
                    + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
        }
        if (cfg.task().equals("clustering")) {
            String metric = MetricNames.resolve(cfg.metric(), Task.CLUSTERING, "problem.metric");
            String model = train.model().equals("auto") ? ModelCatalog.defaultModel(Task.CLUSTERING) : train.model();
            SparkModels.check(SparkModels.of(model, Task.CLUSTERING), train.params(), new ArrayList<>());
            Map<String, Integer> labels = null;
            Integer missing = null;
            if (target != null) {
                labels = counts(read.rows(), target, read.types().get(target).equals(DataConfig.NUMERIC));
                missing = (int) read.rows().filter(col(SparkData.quoted(target)).isNull()).count();
            }
            context.put(DefinitionStage.PROBLEM, new Problem(target, Task.CLUSTERING, metric, null, List.of(), model));
            return StageResult.of(name(), "clustering" + (target == null ? "" : " (label '" + target + "' only scores agreement)")
                            + ", scored by " + metric + "; algorithm " + model + " (Spark ML " + SparkModels.of(model, Task.CLUSTERING).sparkClass() + ")",
                    List.of(), new DefinitionRecord("clustering", null, metric, model, null, null, null, target, labels, missing, null));
        }
        if (target == null) {
            throw new InputException("problem.target: required for " + (cfg.task().equals("auto") ? "classification and regression" : cfg.task())
                    + "; name the column to predict");
        }
        boolean numeric = read.types().get(target).equals(DataConfig.NUMERIC);
        Column t = col(SparkData.quoted(target));
        Row r = read.rows().agg(functions.count(lit(1)), functions.count(t), functions.countDistinct(t)).first();
        long rows = r.getLong(0);
        int missing = (int) (rows - r.getLong(1));
        long distinct = r.getLong(2);
        if (missing > 0 && cfg.missingTarget().equals("fail")) {
            throw new InputException("problem.missing_target: target '" + target + "' has " + missing + " missing values and missing_target is 'fail'");
        }
        if (missing == rows) {
            throw new InputException("problem.target: target '" + target + "' has no values");
        }
        Task task = switch (cfg.task()) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> numeric && distinct > 20 ? Task.REGRESSION : Task.CLASSIFICATION;
        };
        if (task == Task.REGRESSION && !numeric) {
            throw new InputException("problem.task: regression needs a numeric target, but '" + target + "' holds text");
        }
        String metric = MetricNames.resolve(cfg.metric(), task, "problem.metric");
        String model = train.model().equals("auto") ? ModelCatalog.defaultModel(task) : train.model();
        SparkModels.Model m = SparkModels.of(model, task);
        SparkModels.check(m, train.params(), new ArrayList<>());
        SparkSupport.checkSettings(run.config, task);
        Map<String, Integer> classes = null;
        String positive = null;
        List<String> classList = List.of();
        List<String> details = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            if (distinct > 1000) {
                throw new InputException("problem.task: '" + target + "' has " + distinct + " classes; more than 1,000 is not a"
                        + " classification the spark engine takes (set problem.task: regression?)");
            }
            classes = counts(read.rows(), target, numeric);
            if (cfg.task().equals("auto")) {
                DefinitionStage.requireRepeatedClasses(target, classes, run.config.section(org.workbench.table.DataConfig.class)
                        .source().toString());
            }
            classList = List.copyOf(classes.keySet());
            if (classList.size() < 2) {
                throw new InputException("problem.target: target '" + target + "' has a single class " + classList + "; a classifier needs at least two");
            }
            positive = cfg.positiveClass();
            if (positive != null && !classList.contains(positive)) {
                throw new InputException("problem.positive_class: '" + positive + "' is not a class of '" + target + "'; classes are " + classList);
            }
            if (positive == null && classList.size() == 2) {
                positive = classes.get(classList.get(0)) < classes.get(classList.get(1)) ? classList.get(0) : classList.get(1);
            }
            twoClassesAtMost("train.model", model, m, target, classList.size());
            List<String> compared = run.config.section(org.workbench.evaluation.EvaluateConfig.class).compare();
            for (int i = 0; i < compared.size(); i++) {
                twoClassesAtMost("evaluate.compare[" + i + "]", compared.get(i), SparkModels.of(compared.get(i), task), target,
                        classList.size());
            }
            int most = classes.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            int least = classes.values().stream().mapToInt(Integer::intValue).min().orElse(1);
            details.add(String.format(Locale.ROOT, "class balance: largest/smallest = %d/%d = %.2f", most, least, (double) most / least));
        } else if (cfg.positiveClass() != null) {
            throw new InputException("problem.positive_class: only applies to classification");
        }
        String threshold = run.config.section(org.workbench.evaluation.EvaluateConfig.class).threshold();
        if (!threshold.equals("default") && (classList.size() != 2 || !m.probabilities())) {
            // as the local engine refuses it, before anything is fitted
            throw new InputException("evaluate.threshold: '" + threshold + "' needs a two-class problem and a model that gives"
                    + " probabilities; '" + model + "' on " + classList.size() + " classes does not");
        }
        context.put(DefinitionStage.PROBLEM, new Problem(target, task, metric, positive, classList, model));
        run.notes.forEach(n -> details.add("note: " + n));
        String what = task == Task.CLASSIFICATION ? "classification of '" + target + "' (" + classList.size() + " classes " + classes + ")"
                : "regression of '" + target + "'";
        return StageResult.of(name(), what + ", scored by " + metric + "; algorithm " + model + " (Spark ML " + m.sparkClass() + ")",
                details, new DefinitionRecord(task.label(), target, metric, model, classes, positive, missing, null, null, null, null));
    }

    /** Rows per value, sorted by value; a target column holds few of them. */
    private static Map<String, Integer> counts(Dataset<Row> rows, String column, boolean numeric) {
        Map<String, Integer> out = new TreeMap<>();
        for (Row r : rows.filter(col(SparkData.quoted(column)).isNotNull())
                .groupBy(SparkData.labelText(col(SparkData.quoted(column)), numeric).as("v")).count().collectAsList()) {
            out.put(r.getString(0), (int) r.getLong(1));
        }
        return new LinkedHashMap<>(out);
    }

    /** Refuses an algorithm Spark fits on two classes only (asked for at {@code key}) when the target has more. */
    private static void twoClassesAtMost(String key, String name, SparkModels.Model m, String target, int classes) {
        if (m.binaryOnly() && classes > 2) {
            throw new InputException(key + ": " + name + " on Spark (" + m.sparkClass() + ") takes two classes, and '" + target
                    + "' has " + classes + "; choose logistic_regression, random_forest, decision_tree or naive_bayes");
        }
    }
}
