package org.workbench.spark;

import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.MaxAbsScaler;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.QuantileDiscretizer;
import org.apache.spark.ml.feature.RobustScaler;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VarianceThresholdSelector;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.features.FeaturesConfig;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.table.DataConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Stages 3-5 as the stages of one Spark ML {@code Pipeline}: what the config asks for, built from the
 * training rows handed in (the only fitted value computed outside Spark's estimators is each text
 * column's most frequent value, baked into a {@code SQLTransformer}), so cross-validation builds it
 * again from each fold's training rows.
 */
final class SparkRecipe {
    /** The three parts, by core stage name, and the columns they start from. */
    record Parts(List<PipelineStage> preprocessing, List<PipelineStage> features, List<PipelineStage> selection,
                 List<String> numeric, List<String> categorical, List<String> identifiers) {
        List<PipelineStage> all() {
            List<PipelineStage> out = new ArrayList<>(preprocessing);
            out.addAll(features);
            out.addAll(selection);
            return out;
        }
    }

    /** The parts fitted so far, in order: replayed on any rows, and saved as one PipelineModel. Each part fitted makes a new one. */
    static final class Built {
        private final Parts parts;
        private final List<org.apache.spark.ml.Transformer> fitted;
        /** The feature vector's length, read once on demand. */
        private int width = -1;

        Built(Parts parts) {
            this(parts, List.of());
        }

        private Built(Parts parts, List<org.apache.spark.ml.Transformer> fitted) {
            this.parts = parts;
            this.fitted = List.copyOf(fitted);
        }

        Parts parts() {
            return parts;
        }

        /** This recipe with {@code model}'s fitted stages after its own. */
        Built plus(org.apache.spark.ml.PipelineModel model) {
            List<org.apache.spark.ml.Transformer> all = new ArrayList<>(fitted);
            all.addAll(List.of(model.stages()));
            return new Built(parts, all);
        }

        org.apache.spark.ml.PipelineModel model() {
            return new org.apache.spark.ml.PipelineModel(org.apache.spark.ml.util.Identifiable.randomUID("recipe"),
                    fitted.toArray(org.apache.spark.ml.Transformer[]::new));
        }

        Dataset<Row> transformed(Dataset<Row> rows) {
            Dataset<Row> out = rows;
            for (org.apache.spark.ml.Transformer t : fitted) {
                out = t.transform(out);
            }
            return out;
        }

        /** The feature vector's length once assembled (read from one transformed row), else the column count. */
        int width(Dataset<Row> train) {
            Dataset<Row> t = transformed(train);
            if (!java.util.Arrays.asList(t.columns()).contains(SparkRun.FEATURES)) {
                return parts.numeric.size() + parts.categorical.size();
            }
            if (width < 0) {
                width = ((org.apache.spark.ml.linalg.Vector) t.select(SparkRun.FEATURES).first().get(0)).size();
            }
            return width;
        }
    }

    /** A text column with at least this share of distinct values among 20 or more present rows is an identifier (the core's rule). */
    private static final double IDENTIFIER_SHARE = 0.95;

    private SparkRecipe() {
    }

    /** The recipe for these training rows; {@code exclude} are the target and label columns. */
    static Parts build(PipelineConfig config, Map<String, String> types, List<String> exclude, Dataset<Row> train) {
        PreprocessConfig prep = config.section(PreprocessConfig.class);
        FeaturesConfig feat = config.section(FeaturesConfig.class);
        SelectConfig sel = config.section(SelectConfig.class);
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        types.forEach((name, type) -> {
            if (!exclude.contains(name) && !prep.drop().contains(name)) {
                (type.equals(DataConfig.NUMERIC) ? numeric : categorical).add(name);
            }
        });

        // one pass over the training rows: each text column's mode, and its distinct and present counts
        List<String> identifiers = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        if (!categorical.isEmpty()) {
            List<Column> aggs = new ArrayList<>();
            for (String c : categorical) {
                aggs.add(functions.mode(col(SparkData.quoted(c))));
                aggs.add(functions.approx_count_distinct(col(SparkData.quoted(c))));
                aggs.add(functions.count(col(SparkData.quoted(c))));
            }
            Row r = train.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
            for (int i = 0; i < categorical.size(); i++) {
                modes.add(r.isNullAt(3 * i) ? null : r.getString(3 * i));
                long distinct = r.getLong(3 * i + 1);
                long present = r.getLong(3 * i + 2);
                if (!feat.keepIdentifiers() && present >= 20 && distinct >= IDENTIFIER_SHARE * present) {
                    identifiers.add(categorical.get(i));
                }
            }
        }
        List<String> keptCategorical = new ArrayList<>();
        List<String> keptModes = new ArrayList<>();
        for (int i = 0; i < categorical.size(); i++) {
            if (!identifiers.contains(categorical.get(i))) {
                keptCategorical.add(categorical.get(i));
                keptModes.add(modes.get(i));
            }
        }

        List<PipelineStage> pre = new ArrayList<>();
        // text gaps: the training rows' most frequent value, or the constant, as one SQL step
        List<String> cats = new ArrayList<>();
        if (!keptCategorical.isEmpty()) {
            StringBuilder sql = new StringBuilder("SELECT *");
            for (int i = 0; i < keptCategorical.size(); i++) {
                String out = "__cat_" + i;
                String fill = switch (prep.impute().categorical()) {
                    case "most_frequent" -> keptModes.get(i);
                    case "constant" -> prep.impute().fillCategorical();
                    default -> null; // none: a gap stays a level of its own (StringIndexer keeps it)
                };
                sql.append(", ").append(fill == null ? SparkData.quoted(keptCategorical.get(i))
                        : "COALESCE(" + SparkData.quoted(keptCategorical.get(i)) + ", " + literal(fill) + ")").append(" AS ").append(out);
                cats.add(out);
            }
            pre.add(new SQLTransformer().setStatement(sql.append(" FROM __THIS__").toString()));
        }
        for (String b : feat.bins().keySet()) {
            if (!numeric.contains(b)) {
                throw new InputException("features.bins." + b + ": no numeric feature column '" + b + "'; bin a numeric column"
                        + " (not the target or a dropped one)");
            }
        }
        String numericVector = null;
        // binned columns leave the numeric vector: their bin number is assembled unscaled, as the local engine does
        List<String> binIn = new ArrayList<>();
        List<String> binOut = new ArrayList<>();
        List<Integer> binCounts = new ArrayList<>();
        if (!numeric.isEmpty()) {
            String[] imputed = new String[numeric.size()];
            List<String> unbinned = new ArrayList<>();
            for (int i = 0; i < imputed.length; i++) {
                imputed[i] = "__num_" + i;
                Integer n = feat.bins().get(numeric.get(i));
                if (n == null) {
                    unbinned.add(imputed[i]);
                } else {
                    binIn.add(imputed[i]);
                    binOut.add("__bin_" + i);
                    binCounts.add(n);
                }
            }
            // Imputer reads column names literally
            pre.add(new Imputer().setInputCols(numeric.toArray(String[]::new)).setOutputCols(imputed)
                    .setStrategy(prep.impute().numeric().equals("most_frequent") ? "mode" : prep.impute().numeric()));
        }
        if (!numeric.isEmpty() && binIn.size() < numeric.size()) {
            String[] imputed = java.util.stream.IntStream.range(0, numeric.size()).mapToObj(i -> "__num_" + i)
                    .filter(c -> !binIn.contains(c)).toArray(String[]::new);
            pre.add(new VectorAssembler().setInputCols(imputed).setOutputCol("__num_vec"));
            numericVector = "__num_vec";
            PipelineStage scaler = switch (prep.scale()) {
                case "standard" -> new StandardScaler().setWithMean(true).setWithStd(true).setInputCol("__num_vec").setOutputCol("__num_scaled");
                case "minmax" -> new MinMaxScaler().setInputCol("__num_vec").setOutputCol("__num_scaled");
                case "robust" -> new RobustScaler().setWithCentering(true).setWithScaling(true).setInputCol("__num_vec").setOutputCol("__num_scaled");
                case "maxabs" -> new MaxAbsScaler().setInputCol("__num_vec").setOutputCol("__num_scaled");
                default -> null;
            };
            if (scaler != null) {
                pre.add(scaler);
                numericVector = "__num_scaled";
            }
        }

        List<PipelineStage> features = new ArrayList<>();
        List<String> assembled = new ArrayList<>();
        if (numericVector != null) {
            assembled.add(numericVector);
        }
        if (!binIn.isEmpty()) {
            // quantile edges of the imputed values (the scalers are monotone, so the same bins as of the scaled ones)
            features.add(new QuantileDiscretizer().setInputCols(binIn.toArray(String[]::new)).setOutputCols(binOut.toArray(String[]::new))
                    .setNumBucketsArray(binCounts.stream().mapToInt(Integer::intValue).toArray()));
            assembled.addAll(binOut);
        }
        if (!cats.isEmpty() && !feat.encode().equals("none")) {
            String[] idx = cats.stream().map(c -> c.replace("__cat_", "__idx_")).toArray(String[]::new);
            boolean onehot = feat.encode().equals("onehot");
            // frequent levels first for one-hot; ordinal codes in sorted level order
            features.add(new StringIndexer().setInputCols(cats.toArray(String[]::new)).setOutputCols(idx)
                    .setHandleInvalid("keep").setStringOrderType(onehot ? "frequencyDesc" : "alphabetAsc"));
            if (onehot) {
                String[] ohe = cats.stream().map(c -> c.replace("__cat_", "__ohe_")).toArray(String[]::new);
                // dropLast drops the extra "unseen" level StringIndexer keeps: an unseen level is all zeros
                features.add(new OneHotEncoder().setInputCols(idx).setOutputCols(ohe).setDropLast(true));
                assembled.addAll(List.of(ohe));
            } else {
                assembled.addAll(List.of(idx));
            }
        }
        boolean selecting = sel.method().equals("variance");
        features.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new))
                .setOutputCol(selecting ? "__assembled" : SparkRun.FEATURES));

        List<PipelineStage> selection = new ArrayList<>();
        if (selecting) {
            selection.add(new VarianceThresholdSelector().setVarianceThreshold(sel.varianceThreshold())
                    .setFeaturesCol("__assembled").setOutputCol(SparkRun.FEATURES));
        }
        return new Parts(pre, features, selection, numeric, keptCategorical, identifiers);
    }

    /** A SQL string literal that survives any character: the UTF-8 bytes in hex. */
    private static String literal(String value) {
        return "CAST(unhex('" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "') AS STRING)";
    }
}
