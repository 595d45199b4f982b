package org.workbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.MinMaxScalerModel;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.RobustScalerModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VarianceThresholdSelectorModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.collection.CollectionRecord;
import org.workbench.collection.ColumnProfile;
import org.workbench.collection.DataProfile;
import org.workbench.collection.FileHash;
import org.workbench.config.Key;
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
import org.workbench.evaluation.EvaluateConfig;
import org.workbench.evaluation.Evaluation;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.EvaluationStage;
import org.workbench.evaluation.MetricSummary;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import org.workbench.recipe.RecipeRecord;
import org.workbench.recipe.StepJson;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.table.DataConfig;
import org.workbench.training.TrainingRecord;
import org.workbench.tuning.TuningRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** The nine stages on Spark, under the local stages' names and writing the local stages' records. */
final class SparkStages {
    private SparkStages() {
    }

    static List<Stage> all(SparkRun run) {
        return List.of(new Definition(run), new Collection(run), new Recipe(run, "preprocessing"), new Recipe(run, "features"),
                new Recipe(run, "selection"), new Training(run), new Evaluate(run), new Tuning(), new Deployment(run));
    }

    /** What every Spark stage shares: no config keys of its own (the local stages document them), no cache. */
    abstract static class Base implements Stage {
        final SparkRun run;
        private final String name;
        private final String description;

        Base(SparkRun run, String name, String description) {
            this.run = run;
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public List<Artifact<?>> inputs() {
            return List.of();
        }

        @Override
        public List<Artifact<?>> outputs() {
            return List.of();
        }

        @Override
        public Map<String, List<Key>> configKeys() {
            return Map.of();
        }

        @Override
        public StageResult run(RunContext context) {
            return run.jobs(name, () -> runJobs(context));
        }

        abstract StageResult runJobs(RunContext context);
    }

    /** A number as the terminal shows it. */
    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A numeric target's value as a class label: 1.0 reads "1", as in the local engine. */
    static Column labelText(Column c, boolean numeric) {
        if (!numeric) {
            return c;
        }
        return functions.when(c.equalTo(functions.floor(c)).and(functions.abs(c).lt(1e15)), c.cast("long").cast("string"))
                .otherwise(c.cast("string"));
    }

    // ---------------------------------------------------------------- 1. definition

    static final class Definition extends Base {
        Definition(SparkRun run) {
            super(run, "definition", "pins down the problem from the target column, read by Spark: task, classes, metric, algorithm");
        }

        @Override
        public List<Artifact<?>> outputs() {
            return List.of(DefinitionStage.PROBLEM);
        }

        @Override
        StageResult runJobs(RunContext context) {
            PipelineConfig config = run.config;
            ProblemConfig cfg = config.section(ProblemConfig.class);
            TrainConfig train = config.section(TrainConfig.class);
            SparkData.Read read = SparkData.read(run.session(), config.section(DataConfig.class));
            run.read = read;
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
                run.problem = new Problem(target, Task.CLUSTERING, metric, null, List.of(), model);
                context.put(DefinitionStage.PROBLEM, run.problem);
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
                if (m.binaryOnly() && classList.size() > 2) {
                    throw new InputException("train.model: " + model + " on Spark (" + m.sparkClass() + ") takes two classes, and '"
                            + target + "' has " + classList.size() + "; choose logistic_regression, random_forest or decision_tree");
                }
                int most = classes.values().stream().mapToInt(Integer::intValue).max().orElse(1);
                int least = classes.values().stream().mapToInt(Integer::intValue).min().orElse(1);
                details.add(String.format(Locale.ROOT, "class balance: largest/smallest = %d/%d = %.2f", most, least, (double) most / least));
            } else if (cfg.positiveClass() != null) {
                throw new InputException("problem.positive_class: only applies to classification");
            }
            run.problem = new Problem(target, task, metric, positive, classList, model);
            context.put(DefinitionStage.PROBLEM, run.problem);
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
                    .groupBy(labelText(col(SparkData.quoted(column)), numeric).as("v")).count().collectAsList()) {
                out.put(r.getString(0), (int) r.getLong(1));
            }
            return new LinkedHashMap<>(out);
        }
    }

    // ---------------------------------------------------------------- 2. collection

    static final class Collection extends Base {
        Collection(SparkRun run) {
            super(run, "collection", "hashes and profiles the data with Spark aggregates and splits it into train and test (seeded)");
        }

        @Override
        StageResult runJobs(RunContext context) {
            PipelineConfig config = run.config;
            DataConfig data = config.section(DataConfig.class);
            Problem problem = run.problem;
            SparkData.Read read = run.read;
            Dataset<Row> rows = read.rows();
            String sha = FileHash.sha256(data.source());
            String[] columns = read.types().keySet().toArray(String[]::new);
            DataProfile profile = profile(rows, read.types(), problem);
            int total = profile.rows();
            Dataset<Row> labelled = rows;
            int withoutTarget = 0;
            boolean supervised = problem.task() != Task.CLUSTERING;
            if (supervised) {
                Column t = col(SparkData.quoted(problem.target()));
                labelled = rows.filter(t.isNotNull());
                boolean numeric = read.types().get(problem.target()).equals(DataConfig.NUMERIC);
                if (problem.task() == Task.CLASSIFICATION) {
                    Column[] classes = problem.classes().stream().map(functions::lit).toArray(Column[]::new);
                    labelled = labelled.withColumn(SparkRun.LABEL,
                            functions.array_position(functions.array(classes), labelText(t, numeric)).minus(1).cast("double"));
                } else {
                    labelled = labelled.withColumn(SparkRun.LABEL, t.cast("double"));
                }
                withoutTarget = profile.columnProfiles().stream().filter(c -> c.name().equals(problem.target()))
                        .findFirst().map(ColumnProfile::missing).orElse(0);
            }
            Column u = SparkData.unit(config.seed(), columns);
            Dataset<Row> withU = labelled.withColumn("__u", u);
            double test = data.split().test();
            run.all = labelled;
            // kept by the executors (memory, then disk): every later stage reads the two splits again
            run.train = withU.filter(col("__u").geq(test)).drop("__u").persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            run.test = withU.filter(col("__u").lt(test)).drop("__u").persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            Row counts = withU.agg(functions.sum(functions.when(col("__u").lt(test), 1).otherwise(0)), functions.count(lit(1))).first();
            run.testRows = counts.isNullAt(0) ? 0 : counts.getLong(0);
            run.trainRows = counts.getLong(1) - run.testRows;
            if (run.trainRows == 0 || run.testRows == 0) {
                throw new InputException("data.split.test: " + test + " leaves " + run.trainRows + " train and " + run.testRows
                        + " test rows; both need rows");
            }
            String file = config.baseDir().relativize(data.source().toAbsolutePath().normalize()).toString();
            CollectionRecord.Dialect dialect = new CollectionRecord.Dialect(String.valueOf(read.delimiter()), ".", "none",
                    data.encoding().name(), read.sniffed(), false);
            List<String> details = new ArrayList<>();
            details.add("delimiter '" + read.delimiter() + "'" + (read.sniffed() ? " (sniffed from the header line; set data.delimiter to override)" : ""));
            details.add("encoding " + data.encoding().name());
            details.add("split: a seeded hash of each row's values against data.split.test: the same rows whatever the partitioning;"
                    + " each class is split at the same rate (stratified in expectation)");
            details.add("profile: Spark aggregates; distinct counts approximate (HyperLogLog++, 5% relative error), quartiles approximate"
                    + " (Greenwald-Khanna, relative error 0.001)");
            String summary = String.format(Locale.ROOT, "read %d rows x %d columns from %s (sha256 %s...); %d train / %d test rows (seed %d)",
                    total, columns.length, file, sha.substring(0, 12), run.trainRows, run.testRows, config.seed());
            return StageResult.of(name(), summary, details, new CollectionRecord(file, sha, dialect, List.of(), total, columns.length,
                    withoutTarget, (int) run.trainRows, (int) run.testRows, profile, List.of()));
        }

        /** Missing, approximate distinct, min/mean/max/std and approximate quartiles per column, in two jobs. */
        private static DataProfile profile(Dataset<Row> rows, Map<String, String> types, Problem problem) {
            List<String> names = new ArrayList<>(types.keySet());
            List<Column> aggs = new ArrayList<>();
            aggs.add(functions.count(lit(1)));
            for (String n : names) {
                Column c = col(SparkData.quoted(n));
                aggs.add(functions.count(c));
                aggs.add(functions.approx_count_distinct(c));
                boolean numeric = types.get(n).equals(DataConfig.NUMERIC);
                aggs.add(numeric ? functions.min(c) : lit(null).cast("double"));
                aggs.add(numeric ? functions.avg(c) : lit(null).cast("double"));
                aggs.add(numeric ? functions.max(c) : lit(null).cast("double"));
                aggs.add(numeric ? functions.stddev_samp(c) : lit(null).cast("double"));
            }
            Row r = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
            long total = r.getLong(0);
            String[] numericNames = names.stream().filter(n -> types.get(n).equals(DataConfig.NUMERIC)).toArray(String[]::new);
            double[][] q = numericNames.length == 0 ? new double[0][] : rows.stat().approxQuantile(numericNames, new double[] {0.25, 0.5, 0.75}, 0.001);
            List<ColumnProfile> profiles = new ArrayList<>();
            Map<String, Integer> targetDistribution = null;
            DataProfile.Quartiles targetQuartiles = null;
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                int base = 1 + 6 * i;
                long present = r.getLong(base);
                long distinct = r.getLong(base + 1);
                boolean numeric = types.get(n).equals(DataConfig.NUMERIC);
                int qi = Arrays.asList(numericNames).indexOf(n);
                Double q1 = qi >= 0 && q[qi].length == 3 ? q[qi][0] : null;
                Double median = qi >= 0 && q[qi].length == 3 ? q[qi][1] : null;
                Double q3 = qi >= 0 && q[qi].length == 3 ? q[qi][2] : null;
                Double min = r.isNullAt(base + 2) ? null : r.getDouble(base + 2);
                Double max = r.isNullAt(base + 4) ? null : r.getDouble(base + 4);
                boolean identifier = !numeric && present >= 20 && distinct >= 0.95 * present;
                profiles.add(new ColumnProfile(n, numeric ? ColumnProfile.NUMERIC : ColumnProfile.CATEGORICAL, (int) (total - present),
                        (int) distinct, min, r.isNullAt(base + 3) ? null : r.getDouble(base + 3), max,
                        r.isNullAt(base + 5) ? null : r.getDouble(base + 5), null, null, q1, median, q3, null, null, distinct == 1,
                        false, identifier || (numeric && distinct >= 0.95 * total && total >= 20)));
                if (n.equals(problem.target()) && numeric && min != null && problem.task() == Task.REGRESSION) {
                    targetQuartiles = new DataProfile.Quartiles(min, q1, median, q3, max);
                }
            }
            Double imbalance = null;
            if (problem.task() == Task.CLASSIFICATION) {
                targetDistribution = null; // the definition stage's record holds the class counts
            }
            return new DataProfile((int) total, names.size(), 0, profiles, problem.target(), targetDistribution, imbalance,
                    targetQuartiles, List.of());
        }
    }

    // ---------------------------------------------------------------- 3-5. the recipe, one Spark ML Pipeline

    static final class Recipe extends Base {
        Recipe(SparkRun run, String name) {
            super(run, name, switch (name) {
                case "preprocessing" -> "imputes and scales numeric columns and fills text gaps, fitted on the training rows (Spark ML)";
                case "features" -> "encodes text columns (StringIndexer + OneHotEncoder) and assembles the feature vector (Spark ML)";
                default -> "selects features by training variance (Spark ML), when the config asks";
            });
        }

        @Override
        StageResult runJobs(RunContext context) {
            List<String> exclude = new ArrayList<>();
            if (run.problem.target() != null) {
                exclude.add(run.problem.target());
            }
            if (run.recipe == null) {
                run.recipe = new SparkRecipe.Built(SparkRecipe.build(run.config, run.read.types(), exclude, run.train));
            }
            SparkRecipe.Parts parts = run.recipe.parts();
            List<PipelineStage> mine = switch (name()) {
                case "preprocessing" -> parts.preprocessing();
                case "features" -> parts.features();
                default -> parts.selection();
            };
            Dataset<Row> in = run.recipe.transformed(run.train);
            int featuresIn = name().equals("preprocessing") ? parts.numeric().size() + parts.categorical().size() + parts.identifiers().size()
                    + run.config.section(org.workbench.preprocessing.PreprocessConfig.class).drop().size() : run.recipe.width(run.train);
            PipelineModel fitted = new Pipeline().setStages(mine.toArray(PipelineStage[]::new)).fit(in);
            run.recipe.add(fitted);
            List<ObjectNode> steps = new ArrayList<>();
            List<String> details = new ArrayList<>();
            if (name().equals("preprocessing") && !run.config.section(org.workbench.preprocessing.PreprocessConfig.class).drop().isEmpty()) {
                List<String> dropped = run.config.section(org.workbench.preprocessing.PreprocessConfig.class).drop();
                ObjectNode s = step("drop_columns");
                s.set("columns", JsonNodeFactory.instance.pojoNode(dropped));
                steps.add(s);
                details.add("drop_columns: dropped " + dropped.size() + " columns: " + String.join(", ", dropped));
            }
            if (name().equals("features") && !parts.identifiers().isEmpty()) {
                details.add("left out identifier-like text columns (>= 95% distinct): " + String.join(", ", parts.identifiers()));
            }
            for (Transformer t : fitted.stages()) {
                steps.add(describe(t, parts, details));
            }
            int featuresOut = name().equals("preprocessing") ? parts.numeric().size() + parts.categorical().size() : run.recipe.width(run.train);
            String summary = mine.isEmpty() ? "no steps configured; " + featuresOut + " features pass through"
                    : String.format(Locale.ROOT, "fitted %d Spark ML step%s on %d training rows; %d -> %d features", mine.size(),
                    mine.size() == 1 ? "" : "s", run.trainRows, featuresIn, featuresOut);
            ObjectNode recipeJson = JsonNodeFactory.instance.objectNode();
            recipeJson.set("steps", JsonNodeFactory.instance.arrayNode().addAll(steps));
            return StageResult.of(name(), summary, details, new RecipeRecord(new RecipeRecord.FittedSteps(steps), featuresIn,
                    featuresOut, (int) run.trainRows, null, null));
        }

        private static ObjectNode step(String type) {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            s.put(StepJson.TYPE, type);
            return s;
        }

        /** A fitted Spark transformer as a step of run.json: its class and what it learned. */
        private static ObjectNode describe(Transformer t, SparkRecipe.Parts parts, List<String> details) {
            ObjectNode s = step("spark_" + t.getClass().getSimpleName().replace("Model", "").toLowerCase(Locale.ROOT));
            if (t instanceof ImputerModel m) {
                Row values = m.surrogateDF().first();
                ObjectNode fills = s.putObject("fills");
                StringBuilder line = new StringBuilder("impute: " + m.getStrategy() + ":");
                for (int i = 0; i < parts.numeric().size(); i++) {
                    fills.put(parts.numeric().get(i), values.getDouble(i));
                    line.append(' ').append(parts.numeric().get(i)).append(' ').append(String.format(Locale.ROOT, "%.4g", values.getDouble(i)));
                }
                details.add(line.toString());
            } else if (t instanceof SQLTransformer q) {
                s.put("statement", q.getStatement());
                details.add("fill text gaps: " + String.join(", ", parts.categorical()) + " (most frequent training value, or the constant)");
            } else if (t instanceof StandardScalerModel m) {
                s.set("mean", JsonNodeFactory.instance.pojoNode(m.mean().toArray()));
                s.set("std", JsonNodeFactory.instance.pojoNode(m.std().toArray()));
                details.add("scale: standard (sample std, n - 1): " + parts.numeric().size() + " numeric columns");
            } else if (t instanceof MinMaxScalerModel m) {
                s.set("min", JsonNodeFactory.instance.pojoNode(m.originalMin().toArray()));
                s.set("max", JsonNodeFactory.instance.pojoNode(m.originalMax().toArray()));
                details.add("scale: minmax: " + parts.numeric().size() + " numeric columns");
            } else if (t instanceof RobustScalerModel m) {
                s.set("median", JsonNodeFactory.instance.pojoNode(m.median().toArray()));
                s.set("range", JsonNodeFactory.instance.pojoNode(m.range().toArray()));
                details.add("scale: robust (median, interquartile range): " + parts.numeric().size() + " numeric columns");
            } else if (t instanceof StringIndexerModel m) {
                ObjectNode levels = s.putObject("levels");
                StringBuilder line = new StringBuilder("levels:");
                String[][] all = m.labelsArray();
                for (int i = 0; i < all.length && i < parts.categorical().size(); i++) {
                    levels.set(parts.categorical().get(i), JsonNodeFactory.instance.pojoNode(all[i]));
                    line.append(' ').append(parts.categorical().get(i)).append(": ").append(all[i].length).append(';');
                }
                details.add(line + " an unseen level is all zeros (every training level kept)");
            } else if (t instanceof OneHotEncoderModel m) {
                s.put("drop_last", m.getDropLast());
            } else if (t instanceof VectorAssembler a) {
                s.set("inputs", JsonNodeFactory.instance.pojoNode(a.getInputCols()));
            } else if (t instanceof VarianceThresholdSelectorModel m) {
                s.set("selected", JsonNodeFactory.instance.pojoNode(m.selectedFeatures()));
                details.add("variance: kept " + m.selectedFeatures().length + " features");
            }
            return s;
        }
    }

    // ---------------------------------------------------------------- 6. training

    static final class Training extends Base {
        Training(SparkRun run) {
            super(run, "training", "fits the Spark ML algorithm that matches train.model on the prepared training rows");
        }

        @Override
        StageResult runJobs(RunContext context) {
            long started = System.nanoTime();
            Problem problem = run.problem;
            SparkModels.Model m = SparkModels.of(problem.model(), problem.task());
            JsonNode params = m.spec().resolvedParams(run.config.section(TrainConfig.class).params());
            Dataset<Row> prepared = run.recipe.transformed(run.train);
            run.model = fit(m, params, run.config.seed(), run.trainRows, prepared);
            int features = run.recipe.width(run.train);
            List<String> details = new ArrayList<>();
            details.add(problem.model() + " -> Spark ML " + m.sparkClass() + "; params " + params);
            m.mapped().forEach((k, v) -> details.add("  " + k + " -> " + v));
            return StageResult.of(name(), String.format(Locale.ROOT, "trained %s (Spark ML %s) on %d rows x %d features in %.2f s",
                    problem.model(), m.sparkClass(), run.trainRows, features, (System.nanoTime() - started) / 1e9), details,
                    new TrainingRecord(problem.model(), params, (int) run.trainRows, features));
        }

        /** Fits the estimator; k-means keeps the best of its restarts by training cost. */
        static Model<?> fit(SparkModels.Model m, JsonNode params, long seed, long trainRows, Dataset<Row> prepared) {
            if (m.name().equals("kmeans")) {
                int restarts = Math.max(1, params.get("restarts").asInt());
                KMeansModel best = null;
                for (int i = 0; i < restarts; i++) {
                    KMeansModel k = (KMeansModel) SparkModels.estimator(m, params, seed + i, trainRows).fit(prepared);
                    if (best == null || k.summary().trainingCost() < best.summary().trainingCost()) {
                        best = k;
                    }
                }
                return best;
            }
            return (Model<?>) SparkModels.estimator(m, params, seed, trainRows).fit(prepared);
        }
    }

    // ---------------------------------------------------------------- 7. evaluation

    static final class Evaluate extends Base {
        /** Rows of the test split kept for report.html's charts. */
        static final int CHART_ROWS = 10_000;

        Evaluate(SparkRun run) {
            super(run, "evaluation", "scores test, train and a baseline with Spark aggregates, and cross-validates the whole Spark ML"
                    + " pipeline refitted inside every fold");
        }

        @Override
        public List<Artifact<?>> outputs() {
            return List.of(EvaluationStage.EVALUATION);
        }

        @Override
        StageResult runJobs(RunContext context) {
            Problem problem = run.problem;
            EvaluateConfig ev = run.config.section(EvaluateConfig.class);
            // scored once, read by every metric and by the predictions files
            run.testScored = run.model.transform(run.recipe.transformed(run.test)).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            run.trainScored = run.model.transform(run.recipe.transformed(run.train)).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            if (problem.task() == Task.CLUSTERING) {
                return clustering(context);
            }
            SparkModels.Model m = SparkModels.of(problem.model(), problem.task());
            org.workbench.evaluation.ScoreReport testReport = report(run.testScored, m);
            Map<String, Double> test = restrict(headline(testReport), problem.metric(), ev.metrics());
            Map<String, Double> train = restrict(headline(report(run.trainScored, m)), problem.metric(), ev.metrics());
            Map<String, Double> baseline = restrict(baseline(), problem.metric(), ev.metrics());
            List<Map<String, Double>> folds = new ArrayList<>();
            int k = ev.cvFolds();
            if (k >= 2) {
                JsonNode params = m.spec().resolvedParams(run.config.section(TrainConfig.class).params());
                Dataset<Row> withFold = run.train.withColumn(SparkRun.FOLD, functions.floor(
                        SparkData.unit(run.config.seed() + 1, run.read.types().keySet().toArray(String[]::new)).multiply(k)));
                List<String> exclude = problem.target() == null ? List.of() : List.of(problem.target());
                for (int f = 0; f < k; f++) {
                    Dataset<Row> foldTrain = withFold.filter(col(SparkRun.FOLD).notEqual(f));
                    Dataset<Row> foldTest = withFold.filter(col(SparkRun.FOLD).equalTo(f));
                    // the whole recipe and model, fitted on the fold's training rows only
                    SparkRecipe.Parts parts = SparkRecipe.build(run.config, run.read.types(), exclude, foldTrain);
                    PipelineModel recipe = new Pipeline().setStages(parts.all().toArray(PipelineStage[]::new)).fit(foldTrain);
                    Dataset<Row> prepared = recipe.transform(foldTrain);
                    long rows = foldTrain.count();
                    Model<?> model = Training.fit(m, params, run.config.seed(), rows, prepared);
                    folds.add(restrict(headline(report(model.transform(recipe.transform(foldTest)), m)), problem.metric(), ev.metrics()));
                }
            }
            Map<String, double[]> cv = folds.isEmpty() ? Map.of() : MetricSummary.meanStd(folds);
            context.put(EvaluationStage.EVALUATION, new Evaluation(test, train, baseline, folds, cv, testReport, null));
            run.chartRows = chartRows(run.testScored);
            List<String> details = new ArrayList<>();
            details.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s", "metric", "test", "train", "baseline"));
            test.forEach((name, v) -> details.add(String.format(Locale.ROOT, "%-20s %10s %10s %10s", name, f4(v),
                    train.containsKey(name) ? f4(train.get(name)) : "", baseline.containsKey(name) ? f4(baseline.get(name)) : "")));
            if (test.containsKey("roc_auc")) {
                details.add("roc_auc: Spark's BinaryClassificationEvaluator, the curve down-sampled to " + SparkMetrics.ROC_BINS + " score bins");
            }
            if (!folds.isEmpty()) {
                details.add(k + " folds by a seeded hash of each training row (stratified in expectation); recipe and model refitted per fold");
            }
            String metric = problem.metric();
            String summary = String.format(Locale.ROOT, "test %s %s (train %s, baseline %s)", metric, f4(test.get(metric)),
                    f4(train.get(metric)), baseline.containsKey(metric) ? f4(baseline.get(metric)) : "n/a")
                    + (cv.containsKey(metric) ? String.format(Locale.ROOT, "; %d-fold CV %s +/- %s", k, f4(cv.get(metric)[0]),
                    f4(cv.get(metric)[1])) : "");
            return StageResult.of(name(), summary, details, new EvaluationRecord(test, train, baseline, null, folds, cv, null, testReport,
                    null, null, null, null, null, null));
        }

        private static Map<String, Double> headline(org.workbench.evaluation.ScoreReport report) {
            return report instanceof org.workbench.evaluation.ClassificationReport c ? c.headline()
                    : ((org.workbench.evaluation.RegressionReport) report).headline();
        }

        /** The local engine's report of scored rows, from Spark aggregates (and residual quantiles for regression). */
        private org.workbench.evaluation.ScoreReport report(Dataset<Row> scored, SparkModels.Model m) {
            Problem problem = run.problem;
            if (problem.task() == Task.REGRESSION) {
                Map<String, Double> h = SparkMetrics.regression(scored, SparkRun.PREDICTION);
                Dataset<Row> residuals = scored.select(col(SparkRun.LABEL).minus(col(SparkRun.PREDICTION)).as("__residual"));
                double[] q = residuals.stat().approxQuantile("__residual", new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, 0.001);
                long rows = scored.count();
                return new org.workbench.evaluation.RegressionReport((int) rows, h.get("mse"), h.get("rmse"), h.get("mae"), h.get("r2"),
                        h.get("mape"), q.length == 5 ? new org.workbench.evaluation.RegressionReport.Residuals(q[0], q[1], q[2], q[3], q[4]) : null);
            }
            int k = problem.classes().size();
            int positive = problem.positiveClass() == null ? -1 : problem.classes().indexOf(problem.positiveClass());
            long[][] cm = SparkMetrics.confusion(scored, k);
            Double auc = null;
            Double logLoss = null;
            Double brier = null;
            if (m.probabilities()) {
                auc = SparkMetrics.rocAuc(scored, cm, positive);
                double[] lb = SparkMetrics.logLossAndBrier(scored, k, positive);
                logLoss = lb[0];
                brier = lb[1];
            }
            return SparkMetrics.report(cm, problem.classes(), positive, auc, logLoss, brier);
        }

        /** The most frequent training class (no probabilities), or the training mean: the local baseline models. */
        private Map<String, Double> baseline() {
            Problem problem = run.problem;
            if (problem.task() == Task.REGRESSION) {
                double mean = run.train.agg(functions.avg(col(SparkRun.LABEL))).first().getDouble(0);
                return SparkMetrics.regression(run.test.withColumn("__baseline", lit(mean)), "__baseline");
            }
            int k = problem.classes().size();
            long[] trainCounts = new long[k];
            for (Row r : run.train.groupBy(col(SparkRun.LABEL)).count().collectAsList()) {
                trainCounts[(int) r.getDouble(0)] = r.getLong(1);
            }
            int majority = 0;
            for (int c = 1; c < k; c++) {
                if (trainCounts[c] > trainCounts[majority]) {
                    majority = c;
                }
            }
            long[][] cm = new long[k][k];
            for (Row r : run.test.groupBy(col(SparkRun.LABEL)).count().collectAsList()) {
                cm[(int) r.getDouble(0)][majority] = r.getLong(1);
            }
            int positive = problem.positiveClass() == null ? -1 : problem.classes().indexOf(problem.positiveClass());
            return SparkMetrics.report(cm, problem.classes(), positive, null, null, null).headline();
        }

        private StageResult clustering(RunContext context) {
            Problem problem = run.problem;
            KMeansModel km = (KMeansModel) run.model;
            Vector[] centres = km.clusterCenters();
            Map<String, Double> test = clusterScores(run.testScored, centres);
            Map<String, Double> train = clusterScores(run.trainScored, centres);
            Dataset<Row> allScored = run.model.transform(run.recipe.transformed(run.all));
            Map<String, Double> all = clusterScores(allScored, centres);
            // the baseline puts every row in one cluster, centred on the training rows' mean
            Map<String, Double> baseline = new LinkedHashMap<>();
            if (problem.target() != null) {
                baseline.put("ari", 0.0);
                baseline.put("nmi", 0.0);
            }
            Vector mean = (Vector) run.recipe.transformed(run.train).select(org.apache.spark.ml.stat.Summarizer.mean(col(SparkRun.FEATURES)))
                    .first().get(0);
            baseline.put("wcss", wcss(run.recipe.transformed(run.test).withColumn(SparkRun.PREDICTION, lit(0)), new Vector[] {mean}));
            Map<String, Double> testOrdered = order(test);
            context.put(EvaluationStage.EVALUATION, new Evaluation(testOrdered, order(train), order(baseline), List.of(), Map.of(), null, null));
            String metric = problem.metric();
            String summary = String.format(Locale.ROOT, "test %s %s (train %s, all rows %s)", metric,
                    testOrdered.containsKey(metric) ? f4(testOrdered.get(metric)) : "n/a", train.containsKey(metric) ? f4(train.get(metric)) : "n/a",
                    all.containsKey(metric) ? f4(all.get(metric)) : "n/a");
            List<String> details = List.of("silhouette: Euclidean, on at most " + org.workbench.evaluation.ClusteringMetrics.SILHOUETTE_LIMIT
                    + " sampled rows (the local definition); wcss and agreement over every row, aggregated by Spark");
            return StageResult.of(name(), summary, details, new EvaluationRecord(testOrdered, order(train), order(baseline), order(all),
                    List.of(), Map.of(), "not applicable: clustering has no target to cross-validate against", null, null, null, null,
                    null, null, null));
        }

        private static Map<String, Double> order(Map<String, Double> m) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String k : List.of("silhouette", "wcss", "ari", "nmi")) {
                if (m.containsKey(k)) {
                    out.put(k, m.get(k));
                }
            }
            return out;
        }

        private Map<String, Double> clusterScores(Dataset<Row> scored, Vector[] centres) {
            Map<String, Double> out = new LinkedHashMap<>();
            // silhouette on a bounded sample, by the local engine's definition
            List<Row> sample = scored.select(col(SparkRun.FEATURES), col(SparkRun.PREDICTION))
                    .orderBy(functions.xxhash64(col(SparkRun.FEATURES).cast("string"), lit(run.config.seed())))
                    .limit(org.workbench.evaluation.ClusteringMetrics.SILHOUETTE_LIMIT).collectAsList();
            double[][] points = new double[sample.size()][];
            String[] clusters = new String[sample.size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = ((Vector) sample.get(i).get(0)).toArray();
                clusters[i] = String.valueOf(sample.get(i).getInt(1));
            }
            Double silhouette = org.workbench.evaluation.ClusteringMetrics.silhouette(points, clusters);
            if (silhouette != null) {
                out.put("silhouette", silhouette);
            }
            out.put("wcss", wcss(scored, centres));
            if (run.problem.target() != null) {
                boolean numeric = run.read.types().get(run.problem.target()).equals(DataConfig.NUMERIC);
                List<Row> table = scored.filter(col(SparkData.quoted(run.problem.target())).isNotNull())
                        .groupBy(labelText(col(SparkData.quoted(run.problem.target())), numeric), col(SparkRun.PREDICTION)).count().collectAsList();
                double[] agreement = SparkMetrics.agreement(table);
                out.put("ari", agreement[0]);
                out.put("nmi", agreement[1]);
            }
            return out;
        }

        /** Sum of squared distances to the assigned centre, summed by Spark. */
        private static double wcss(Dataset<Row> scored, Vector[] centres) {
            org.apache.spark.sql.api.java.UDF2<Vector, Integer, Double> d =
                    (v, c) -> org.apache.spark.ml.linalg.Vectors.sqdist(v, centres[c]);
            Column dist = functions.udf(d, org.apache.spark.sql.types.DataTypes.DoubleType)
                    .apply(col(SparkRun.FEATURES), col(SparkRun.PREDICTION).cast("int"));
            Row r = scored.agg(functions.sum(dist)).first();
            return r.isNullAt(0) ? 0.0 : r.getDouble(0);
        }

        /** Test rows for report.html's charts: truth, prediction and probabilities of at most CHART_ROWS rows. */
        private SparkRun.ChartRows chartRows(Dataset<Row> scored) {
            Problem problem = run.problem;
            List<Row> rows = scored.select(col(SparkRun.LABEL), col(SparkRun.PREDICTION),
                    scored.columns().length > 0 && Arrays.asList(scored.columns()).contains(SparkRun.PROBABILITY)
                            ? col(SparkRun.PROBABILITY) : lit(null).as(SparkRun.PROBABILITY)).limit(CHART_ROWS).collectAsList();
            Map<String, String[]> text = new LinkedHashMap<>();
            Map<String, double[]> numbers = new LinkedHashMap<>();
            int n = rows.size();
            if (problem.task() == Task.CLASSIFICATION) {
                String[] truth = new String[n];
                String[] prediction = new String[n];
                double[][] probs = new double[problem.classes().size()][n];
                boolean hasProbs = n > 0 && !rows.get(0).isNullAt(2);
                for (int i = 0; i < n; i++) {
                    truth[i] = problem.classes().get((int) rows.get(i).getDouble(0));
                    prediction[i] = problem.classes().get((int) rows.get(i).getDouble(1));
                    if (hasProbs) {
                        double[] p = ((Vector) rows.get(i).get(2)).toArray();
                        for (int c = 0; c < p.length; c++) {
                            probs[c][i] = p[c];
                        }
                    }
                }
                text.put("prediction", prediction);
                text.put("truth", truth);
                if (hasProbs) {
                    for (int c = 0; c < probs.length; c++) {
                        numbers.put("prob_" + problem.classes().get(c), probs[c]);
                    }
                }
            } else {
                double[] truth = new double[n];
                double[] prediction = new double[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = rows.get(i).getDouble(0);
                    prediction[i] = rows.get(i).getDouble(1);
                }
                numbers.put("prediction", prediction);
                numbers.put("truth", truth);
            }
            return new SparkRun.ChartRows(text, numbers);
        }

        static Map<String, Double> restrict(Map<String, Double> all, String primary, List<String> wanted) {
            if (wanted.isEmpty()) {
                return all;
            }
            Map<String, Double> out = new LinkedHashMap<>();
            all.forEach((k, v) -> {
                if (k.equals(primary) || wanted.contains(k)) {
                    out.put(k, v);
                }
            });
            return out;
        }
    }

    // ---------------------------------------------------------------- 8. tuning

    static final class Tuning implements Stage {
        @Override
        public String name() {
            return "tuning";
        }

        @Override
        public String description() {
            return "searches settings with cross-validation (not on the spark engine yet: tune.enabled must be false)";
        }

        @Override
        public List<Artifact<?>> inputs() {
            return List.of();
        }

        @Override
        public List<Artifact<?>> outputs() {
            return List.of();
        }

        @Override
        public Map<String, List<Key>> configKeys() {
            return Map.of();
        }

        @Override
        public StageResult run(RunContext context) {
            return StageResult.of(name(), "skipped (tune.enabled is false)", List.of(), new TuningRecord(true, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null));
        }
    }

    // ---------------------------------------------------------------- 9. deployment

    static final class Deployment extends Base {
        static final String MODEL_DIR = "model.spark";
        static final String PREDICTIONS_DIR = "predictions";

        Deployment(SparkRun run) {
            super(run, "deployment", "saves the fitted Spark PipelineModel with a manifest and writes every row's prediction as"
                    + " partitioned CSV files");
        }

        @Override
        public List<Artifact<?>> inputs() {
            return List.of(RunContext.RUN_DIR);
        }

        @Override
        StageResult runJobs(RunContext context) {
            java.nio.file.Path dir = context.get(RunContext.RUN_DIR);
            Problem problem = run.problem;
            List<String> required = new ArrayList<>(run.recipe.parts().numeric());
            required.addAll(run.recipe.parts().categorical());
            // predictions: every row with its split, truth and prediction, written by the executors
            Column truth = problem.target() == null ? null : col(SparkData.quoted(problem.target()));
            List<Column> out = new ArrayList<>();
            out.add(lit("train").as("split"));
            if (truth != null) {
                out.add(truth.cast("string").as("truth"));
            }
            Column prediction = problem.task() == Task.CLASSIFICATION
                    ? functions.element_at(functions.array(problem.classes().stream().map(functions::lit).toArray(Column[]::new)),
                    col(SparkRun.PREDICTION).cast("int").plus(1))
                    : col(SparkRun.PREDICTION).cast("string");
            out.add(prediction.as("prediction"));
            SparkModels.Model m = SparkModels.of(problem.model(), problem.task());
            if (problem.task() == Task.CLASSIFICATION && m.probabilities()) {
                Column probs = org.apache.spark.ml.functions.vector_to_array(col(SparkRun.PROBABILITY), "float64");
                for (int c = 0; c < problem.classes().size(); c++) {
                    out.add(functions.element_at(probs, c + 1).as("prob_" + problem.classes().get(c)));
                }
            }
            Column[] trainCols = out.toArray(Column[]::new);
            List<Column> testOut = new ArrayList<>(out);
            testOut.set(0, lit("test").as("split"));
            Dataset<Row> predictions = run.testScored.select(testOut.toArray(Column[]::new)).union(run.trainScored.select(trainCols));
            predictions.write().option("header", "true").csv(dir.resolve(PREDICTIONS_DIR).toAbsolutePath().toString());
            if (!run.config.section(org.workbench.deployment.DeployConfig.class).bundle()) {
                return StageResult.of(name(), "wrote " + PREDICTIONS_DIR + "/ (deploy.bundle is false: no model saved)",
                        List.of(), new org.workbench.deployment.DeploymentRecord(null, null, required, true, null));
            }
            List<Transformer> stages = new ArrayList<>(List.of(run.recipe.model().stages()));
            stages.add(run.model);
            PipelineModel whole = new PipelineModel(org.apache.spark.ml.util.Identifiable.randomUID("workbench"), stages.toArray(Transformer[]::new));
            java.nio.file.Path modelDir = dir.resolve(MODEL_DIR);
            try {
                whole.write().save(modelDir.resolve("pipeline").toAbsolutePath().toString());
                ObjectNode manifest = JsonNodeFactory.instance.objectNode();
                manifest.put("format", 1);
                manifest.put("engine", "spark");
                manifest.put("spark", run.session().version());
                manifest.put("task", problem.task().label());
                if (problem.target() != null) {
                    manifest.put("target", problem.target());
                }
                manifest.put("model", problem.model());
                manifest.set("classes", JsonNodeFactory.instance.pojoNode(problem.classes()));
                if (problem.positiveClass() != null) {
                    manifest.put("positive_class", problem.positiveClass());
                }
                manifest.set("required_columns", JsonNodeFactory.instance.pojoNode(required));
                manifest.set("column_types", JsonNodeFactory.instance.pojoNode(run.read.types()));
                DataConfig data = run.config.section(DataConfig.class);
                ObjectNode dialect = manifest.putObject("dialect");
                dialect.put("delimiter", String.valueOf(run.read.delimiter()));
                dialect.put("quote", String.valueOf(data.quote()));
                dialect.put("header", data.header());
                dialect.put("encoding", data.encoding().name());
                dialect.set("missing_values", JsonNodeFactory.instance.pojoNode(data.missingValues()));
                manifest.put("prediction_column", SparkRun.PREDICTION);
                manifest.put("note", "workbench predict --model model.spark --input new.csv --output scored (a folder) scores rows"
                        + " with Spark; pipeline/ loads with org.apache.spark.ml.PipelineModel.load, its prediction column holding the"
                        + " class index into classes");
                org.workbench.core.Json.writeFile(modelDir.resolve("manifest.json"), manifest);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot save the Spark model: " + e.getMessage(), e);
            }
            long bytes = size(modelDir);
            return StageResult.of(name(), String.format(Locale.ROOT, "wrote %s/ (%.1f KB): %s with %d fitted Spark ML stages, needs %d input"
                            + " columns; %s/ (partitioned CSV)", MODEL_DIR, bytes / 1024.0, problem.model(), stages.size() - 1, required.size(),
                    PREDICTIONS_DIR), List.of("needs columns " + required, "score new rows: workbench predict --model " + MODEL_DIR
                            + " --input new.csv --output scored (with --engine spark's class path: scripts/workbench adds it)"),
                    new org.workbench.deployment.DeploymentRecord(MODEL_DIR, bytes, required, null, null));
        }

        private static long size(java.nio.file.Path dir) {
            try (var files = java.nio.file.Files.walk(dir)) {
                return files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (java.io.IOException e) {
                return 0;
            }
        }
    }
}
