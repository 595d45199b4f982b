package org.workbench.spark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.ImputerModel;
import org.apache.spark.ml.feature.MinMaxScalerModel;
import org.apache.spark.ml.feature.OneHotEncoderModel;
import org.apache.spark.ml.feature.RobustScalerModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VarianceThresholdSelectorModel;
import org.apache.spark.ml.feature.UnivariateFeatureSelectorModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.stat.ANOVATest;
import org.apache.spark.ml.stat.FValueTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.features.FeaturesConfig;
import org.workbench.features.Pca;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.recipe.FittedRecipe;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.RecipeRecord;
import org.workbench.recipe.StepJson;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.training.AllSteps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stages 3 to 5 on Spark: preprocessing, features and selection are the three parts of one Spark ML
 * {@code Pipeline}; each stage fits its part on the training rows as the parts before it left them.
 */
final class RecipeOnSpark extends SparkStage {
    /** The recipe with its preprocessing part fitted. */
    static final Artifact<SparkRecipe.Built> PREPROCESSED = new Artifact<>("spark_preprocessed", SparkRecipe.Built.class, "preprocessing");
    /** ... and its features part. */
    static final Artifact<SparkRecipe.Built> ENGINEERED = new Artifact<>("spark_engineered", SparkRecipe.Built.class, "features");
    /** The whole recipe, fitted: what training, evaluation and deployment replay. */
    static final Artifact<SparkRecipe.Built> PREPARED = new Artifact<>("spark_prepared", SparkRecipe.Built.class, "selection");

    /** The recipe so far (null for the first part, which builds it) and the recipe this part adds to. */
    private final Artifact<SparkRecipe.Built> from;
    private final Artifact<SparkRecipe.Built> to;

    private RecipeOnSpark(SparkRun run, String name, String description, Artifact<SparkRecipe.Built> from, Artifact<SparkRecipe.Built> to) {
        super(run, name, description);
        this.from = from;
        this.to = to;
    }

    static RecipeOnSpark preprocessing(SparkRun run) {
        return new RecipeOnSpark(run, "preprocessing",
                "drops constant columns when asked, imputes and scales numeric columns and fills text gaps, fitted on the training rows (Spark ML)", null, PREPROCESSED);
    }

    static RecipeOnSpark features(SparkRun run) {
        return new RecipeOnSpark(run, "features",
                "bins numeric columns (QuantileDiscretizer, or Bucketizer for equal widths), encodes text columns (StringIndexer + OneHotEncoder), assembles the feature vector"
                        + " and projects it on principal components when the config asks (Spark ML)", PREPROCESSED, ENGINEERED);
    }

    static RecipeOnSpark selection(SparkRun run) {
        return new RecipeOnSpark(run, "selection", "selects features by training variance or the F-test (Spark ML), when the config asks",
                ENGINEERED, PREPARED);
    }

    @Override
    public List<Artifact<?>> inputs() {
        return from == null ? List.of(DefinitionStage.PROBLEM, DefinitionOnSpark.READ, CollectionOnSpark.TRAIN)
                : List.of(from, CollectionOnSpark.TRAIN);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(to);
    }

    @Override
    StageResult runJobs(RunContext context) {
        SparkRows train = context.get(CollectionOnSpark.TRAIN);
        SparkRecipe.Built before;
        if (from == null) {
            Problem problem = context.get(DefinitionStage.PROBLEM);
            List<String> exclude = new ArrayList<>();
            if (problem.target() != null) {
                exclude.add(problem.target());
            }
            before = new SparkRecipe.Built(SparkRecipe.build(run.config, context.get(DefinitionOnSpark.READ).types(), exclude,
                    problem.task(), train.rows()));
        } else {
            before = context.get(from);
        }
        SparkRecipe.Parts parts = before.parts();
        List<PipelineStage> mine = switch (name()) {
            case "preprocessing" -> parts.preprocessing();
            case "features" -> parts.features();
            default -> parts.selection();
        };
        // the rows this part is fitted on: every training row, or those left after drop_duplicates
        Dataset<Row> rows = parts.rows();
        long count = train.count() - parts.duplicates();
        Dataset<Row> in = before.transformed(rows);
        // preprocessing is fitted on the training rows it is handed (it drops duplicates itself), later parts on those left
        long rowsIn = name().equals("preprocessing") ? train.count() : count;
        int featuresIn = name().equals("preprocessing") ? parts.numeric().size() + parts.categorical().size() + parts.identifiers().size()
                + parts.constant().size() + run.config.section(PreprocessConfig.class).drop().size() : before.width(train.rows());
        PipelineModel fitted = new Pipeline().setStages(mine.toArray(PipelineStage[]::new)).fit(in);
        SparkRecipe.Built after = before.plus(fitted);
        context.put(to, after);
        List<ObjectNode> steps = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (name().equals("preprocessing") && !run.config.section(PreprocessConfig.class).drop().isEmpty()) {
            List<String> dropped = run.config.section(PreprocessConfig.class).drop();
            ObjectNode s = step("drop_columns");
            s.set("columns", JsonNodeFactory.instance.pojoNode(dropped));
            steps.add(s);
            details.add("drop_columns: dropped " + dropped.size() + " columns: " + String.join(", ", dropped));
        }
        if (name().equals("preprocessing") && !parts.constant().isEmpty()) {
            ObjectNode s = step("drop_constant");
            s.set("columns", JsonNodeFactory.instance.pojoNode(parts.constant()));
            steps.add(s);
            details.add("drop_constant: dropped " + parts.constant().size() + " column" + (parts.constant().size() == 1 ? "" : "s")
                    + " constant in the training rows: " + String.join(", ", parts.constant()));
        }
        if (name().equals("preprocessing") && run.config.section(PreprocessConfig.class).dropDuplicates()) {
            ObjectNode s = step("drop_duplicates");
            s.put("training_rows", train.count());
            s.put("dropped", parts.duplicates());
            steps.add(s);
            details.add("drop_duplicates: dropped " + parts.duplicates() + " duplicate rows of " + train.count()
                    + " training rows (test and prediction rows are never dropped)");
        }
        if (name().equals("features") && !parts.identifiers().isEmpty()) {
            details.add("left out identifier-like text columns (>= 95% distinct): " + String.join(", ", parts.identifiers()));
        }
        String[][] levels = null;
        for (Transformer t : fitted.stages()) {
            if (t instanceof StringIndexerModel m) {
                levels = m.labelsArray();
            }
            SparkPca.Fitted pca = SparkPca.Fitted.of(t);
            Map<Integer, double[]> clipped = SparkClip.bounds(t);
            if (clipped != null) {
                steps.add(clipStep(clipped, parts, details));
            } else if (pca != null) {
                steps.add(pcaStep(pca, parts, levels, count, details));
            } else if (t instanceof UnivariateFeatureSelectorModel m) {
                steps.add(fTestStep(m, in, parts, details));
            } else {
                steps.add(describe(t, parts, details));
            }
        }
        int featuresOut = name().equals("preprocessing") ? parts.numeric().size() + parts.categorical().size() + parts.indicators().size() : after.width(train.rows());
        String summary = mine.isEmpty() ? "no steps configured; " + featuresOut + " features pass through"
                : String.format(Locale.ROOT, "fitted %d Spark ML step%s on %d training rows; %d -> %d features", mine.size(),
                mine.size() == 1 ? "" : "s", rowsIn, featuresIn, featuresOut);
        return StageResult.of(name(), summary, details, new RecipeRecord(new RecipeRecord.FittedSteps(steps), featuresIn,
                featuresOut, (int) rowsIn, rowsIn != count ? (Integer) (int) count : null, null));
    }

    private static ObjectNode step(String type) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put(StepJson.TYPE, type);
        return s;
    }

    /**
     * A fitted projection as the local engine records its pca step (so report.html draws its explained-variance
     * chart): the projected columns and their training means, the kept components' loadings and variances, and every
     * component's share of the variance.
     */
    private static ObjectNode pcaStep(SparkPca.Fitted pca, SparkRecipe.Parts parts, String[][] levels, long rows,
                                      List<String> details) {
        double[] means = pca.centre().mean().toArray();
        List<String> names = parts.projected().names(parts.categorical(), levels);
        if (names.size() != means.length) {
            names = java.util.stream.IntStream.rangeClosed(1, means.length).mapToObj(i -> "feature " + i).toList();
        }
        // the sample variances of the inputs add up to the total variance the shares divide
        double total = 0;
        for (double sd : pca.centre().std().toArray()) {
            total += sd * sd;
        }
        double[] shares = pca.every().explainedVariance().toArray();
        org.apache.spark.ml.linalg.DenseMatrix loadings = pca.every().pc();
        List<List<Double>> components = new ArrayList<>();
        List<Double> variances = new ArrayList<>();
        for (int j = 0; j < pca.kept(); j++) {
            List<Double> loading = new ArrayList<>();
            for (int i = 0; i < loadings.numRows(); i++) {
                loading.add(loadings.apply(i, j));
            }
            components.add(loading);
            variances.add(shares[j] * total);
        }
        Pca.Fitted fitted = new Pca.Fitted(names, java.util.Arrays.stream(means).boxed().toList(), components, variances,
                java.util.Arrays.stream(shares).boxed().toList(), false, parts.projected().components(), (int) rows);
        details.add("pca: " + fitted.summary() + " (Spark ML PCA of the values centred by a StandardScaler with mean, without std)");
        return (ObjectNode) AllSteps.JSON.toTree(new FittedRecipe(List.of(fitted))).get("steps").get(0);
    }

    /** A fitted clip: the rule and each checked column's bounds, by name. */
    private ObjectNode clipStep(Map<Integer, double[]> clipped, SparkRecipe.Parts parts, List<String> details) {
        PreprocessConfig.Outliers o = run.config.section(PreprocessConfig.class).outliers();
        String rule = o.method().equals("iqr") ? "iqr factor " + Numbers.format(o.factor()) + " (approximate quartiles, relative error 0.001)"
                : "zscore threshold " + Numbers.format(o.threshold());
        ObjectNode s = step("spark_clip");
        s.put("method", o.method());
        s.put("action", "clip");
        ObjectNode bounds = s.putObject("bounds");
        List<String> line = new ArrayList<>();
        clipped.forEach((i, b) -> {
            String column = parts.numeric().get(i);
            bounds.set(column, JsonNodeFactory.instance.pojoNode(b));
            line.add(column + " [" + Numbers.format(b[0]) + ", " + Numbers.format(b[1]) + "]");
        });
        details.add("outliers: " + rule + ", clip: " + String.join(", ", line));
        return s;
    }

    /**
     * The F-test selection: the kept features by name, and every feature's F on the training rows (Spark's ANOVATest or
     * FValueTest, the statistics the selector ranked by). Spark keeps the k smallest p-values, ties in feature order; the
     * local engine keeps the k largest F, which is the same order unless p-values underflow to 0 (large F on many rows):
     * then the terminal says which features ranking by F would have kept.
     */
    private static ObjectNode fTestStep(UnivariateFeatureSelectorModel m, Dataset<Row> in, SparkRecipe.Parts parts, List<String> details) {
        boolean classes = m.getLabelType().equals("categorical");
        List<String> names = SparkRecipe.featureNames(in, m.getFeaturesCol(), parts);
        Dataset<Row> tests = classes ? ANOVATest.test(in.toDF(), m.getFeaturesCol(), m.getLabelCol(), true)
                : FValueTest.test(in.toDF(), m.getFeaturesCol(), m.getLabelCol(), true);
        double[] f = new double[names.size()];
        for (Row r : tests.select("featureIndex", "fValue").collectAsList()) {
            double v = r.getDouble(1);
            // a constant feature has no F: 0, as on the local engine
            f[r.getInt(0)] = Double.isNaN(v) ? 0 : v;
        }
        int[] selected = m.selectedFeatures().clone();
        java.util.Arrays.sort(selected);
        ObjectNode s = step("spark_univariatefeatureselector");
        s.put("method", "f_test");
        s.put("test", classes ? "ANOVA F" : "F-value");
        ObjectNode scores = s.putObject("scores");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            scores.put(names.get(i), f[i]);
        }
        for (int i : selected) {
            kept.add(names.get(i));
        }
        s.set("selected", JsonNodeFactory.instance.pojoNode(kept));
        List<Integer> byF = java.util.stream.IntStream.range(0, f.length).boxed()
                .sorted((a, b) -> Double.compare(f[b], f[a])).limit(selected.length).sorted().toList();
        details.add(String.format(Locale.ROOT, "f_test (Spark ML UnivariateFeatureSelector, %s): kept %d of %d: %s", classes ? "ANOVA F"
                : "F-value", kept.size(), names.size(), String.join(", ", java.util.Arrays.stream(selected)
                .mapToObj(i -> names.get(i) + " " + org.workbench.recipe.Numbers.format(f[i])).toList())));
        if (!byF.equals(java.util.Arrays.stream(selected).boxed().toList())) {
            details.add("note: ranked by F, as the local engine ranks, the top " + selected.length + " would be "
                    + String.join(", ", byF.stream().map(names::get).toList()) + " (Spark ranks by p-value, and p-values that"
                    + " underflow to 0 tie in feature order)");
        }
        return s;
    }

    /** A fitted Spark transformer as a step of run.json: its class and what it learned. */
    private ObjectNode describe(Transformer t, SparkRecipe.Parts parts, List<String> details) {
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
        } else if (t instanceof SQLTransformer q && q.getStatement().contains(" IS NULL AS DOUBLE) AS __ind_")) {
            s.put("statement", q.getStatement());
            s.set("indicators", JsonNodeFactory.instance.pojoNode(parts.indicators()));
            details.add("missing indicators (0/1, scaled with the numeric columns): " + String.join(", ", parts.indicators().stream()
                    .map(c -> c + "_missing").toList()));
        } else if (t instanceof SQLTransformer q && q.getStatement().contains(" AS __in_")) {
            s.put("statement", q.getStatement());
            details.add("numeric columns copied under plain names for the imputer, which reads a dot or a backtick in a name as syntax");
        } else if (t instanceof SQLTransformer q && q.getStatement().contains(" AS __lvl_")) {
            s.put("statement", q.getStatement());
            s.set("kept_levels", JsonNodeFactory.instance.pojoNode(parts.pooled()));
            FeaturesConfig f = run.config.section(FeaturesConfig.class);
            details.add("onehot: rarer levels share <column>=other (max_levels " + f.maxLevels() + ", min_frequency "
                    + Numbers.format(f.minFrequency()) + "): " + String.join(", ", parts.pooled().entrySet().stream()
                    .map(e -> e.getKey() + " keeps " + e.getValue()).toList()) + "; in these columns an unseen level joins other too");
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
            details.add(line + (parts.pooled().isEmpty() ? " an unseen level is all zeros (every training level kept)"
                    : " an unseen level is all zeros in the columns that keep every level"));
        } else if (t instanceof Bucketizer b) {
            ObjectNode edges = s.putObject("edges");
            List<String> line = new ArrayList<>();
            for (int i = 0; i < b.getInputCols().length; i++) {
                String column = parts.numeric().get(Integer.parseInt(b.getInputCols()[i].substring("__num_".length())));
                double[] splits = b.getSplitsArray()[i];
                // the outer splits are -inf and +inf: the inner ones are the local engine's edges
                // (Double.MAX_VALUE stands for no edge: SparkRecipe.equalWidthSplits)
                double[] inner = java.util.Arrays.stream(splits, 1, splits.length - 1).filter(e -> e != Double.MAX_VALUE).toArray();
                edges.set(column, JsonNodeFactory.instance.pojoNode(inner));
                s.put("method", parts.binMethod());
                line.add(column + ": " + (inner.length + 1) + " " + parts.binMethod() + " bins, edges " + String.join(", ",
                        java.util.Arrays.stream(inner).mapToObj(org.workbench.recipe.Numbers::format).toList()));
            }
            details.add("bin: " + String.join("; ", line));
        } else if (t instanceof OneHotEncoderModel m) {
            s.put("drop_last", m.getDropLast());
        } else if (t instanceof org.apache.spark.ml.feature.PolynomialExpansion pe && parts.expanded() != null) {
            List<String> names = parts.expanded().names();
            s.put("degree", pe.getDegree());
            s.set("columns", JsonNodeFactory.instance.pojoNode(parts.expanded().inputs()));
            s.set("terms", JsonNodeFactory.instance.pojoNode(names));
            details.add("polynomial: degree " + pe.getDegree() + " of " + String.join(", ", parts.expanded().inputs()) + ": "
                    + names.size() + " features, the columns and every product (" + String.join(", ", names.subList(0, Math.min(6,
                    names.size()))) + (names.size() > 6 ? ", ..." : "") + ")");
        } else if (t instanceof VectorSlicer v) {
            s.set("indices", JsonNodeFactory.instance.pojoNode(v.getIndices()));
        } else if (t instanceof VectorAssembler a) {
            s.set("inputs", JsonNodeFactory.instance.pojoNode(a.getInputCols()));
        } else if (t instanceof VarianceThresholdSelectorModel m) {
            s.set("selected", JsonNodeFactory.instance.pojoNode(m.selectedFeatures()));
            details.add("variance: kept " + m.selectedFeatures().length + " features");
        }
        return s;
    }
}
