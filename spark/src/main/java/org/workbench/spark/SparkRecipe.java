package org.workbench.spark;

import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.MaxAbsScaler;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.QuantileDiscretizer;
import org.apache.spark.ml.feature.RobustScaler;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.UnivariateFeatureSelector;
import org.apache.spark.ml.feature.VarianceThresholdSelector;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.features.FeaturesConfig;
import org.workbench.features.Pca;
import org.workbench.preprocessing.PreprocessConfig;
import org.workbench.selection.SelectConfig;
import org.workbench.table.DataConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                 List<String> numeric, List<String> unbinned, List<String> categorical, List<String> identifiers,
                 List<String> constant, List<String> indicators, Map<String, Integer> pooled, String binMethod, Projected projected, Expanded expanded,
                 Dataset<Row> rows, long duplicates) {
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

        /**
         * The feature vector's length once assembled (read from one transformed row: the model's input, or the vector
         * selection reads), else the column count.
         */
        int width(Dataset<Row> train) {
            Dataset<Row> t = transformed(train);
            List<String> columns = java.util.Arrays.asList(t.columns());
            String vector = columns.contains(SparkRun.FEATURES) ? SparkRun.FEATURES : columns.contains(ASSEMBLED) ? ASSEMBLED : null;
            if (vector == null) {
                return parts.numeric.size() + parts.categorical.size() + parts.indicators.size();
            }
            if (width < 0) {
                width = ((org.apache.spark.ml.linalg.Vector) t.select(vector).first().get(0)).size();
            }
            return width;
        }
    }

    /**
     * The data columns {@code features.pca} projects, in the order of its input vector: numeric columns (imputed and
     * scaled), binned ones (their bin number), then text columns: one slot per training level when one-hot encoded
     * (named column=level, as the local engine names them), else the ordinal code.
     */
    record Projected(List<String> numeric, List<String> binned, List<String> categorical, boolean onehot, double components,
                     List<String> keptNumeric) {
        /** Each input slot's name; {@code levels} are the fitted StringIndexer's levels of every kept text column. */
        List<String> names(List<String> keptCategorical, String[][] levels) {
            List<String> names = new ArrayList<>(numeric);
            names.addAll(binned);
            for (String c : categorical) {
                if (onehot && levels != null) {
                    for (String level : levels[keptCategorical.indexOf(c)]) {
                        names.add(c + "=" + level);
                    }
                } else {
                    names.add(c);
                }
            }
            return names;
        }
    }

    /** The assembled features before selection picks among them. */
    static final String ASSEMBLED = "__assembled";

    /** A text column with at least this share of distinct values among 20 or more present rows is an identifier (the core's rule). */
    private static final double IDENTIFIER_SHARE = 0.95;

    private SparkRecipe() {
    }

    /** The recipe for these training rows; {@code exclude} are the target and label columns, {@code task} the problem's. */
    static Parts build(PipelineConfig config, Map<String, String> types, List<String> exclude, Task task, Dataset<Row> train) {
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

        // each column's least and greatest training value where drop_constant or equal-width bins need them, and each text
        // column's mode, distinct and present counts: one pass over the training rows (two with drop_duplicates, whose
        // text counts are of the rows kept, as the local engine imputes and finds identifiers after dropping them)
        boolean equalWidth = feat.binMethod().equals("equal_width") && !feat.bins().isEmpty();
        List<String> ranged = new ArrayList<>(prep.dropConstant() || equalWidth ? numeric : List.of());
        if (prep.dropConstant()) {
            ranged.addAll(categorical);
        }
        List<Column> aggs = new ArrayList<>();
        for (String c : ranged) {
            aggs.add(functions.min(col(SparkData.quoted(c))));
            aggs.add(functions.max(col(SparkData.quoted(c))));
        }
        // impute.indicator: each feature column's present count, to find those with gaps in the training rows
        List<String> all = new ArrayList<>();
        types.keySet().stream().filter(c -> numeric.contains(c) || categorical.contains(c)).forEach(all::add);
        if (prep.impute().indicator()) {
            for (String c : all) {
                aggs.add(functions.count(col(SparkData.quoted(c))));
            }
        }
        int presentAt = aggs.size() - (prep.impute().indicator() ? all.size() : 0);
        // the text columns in the order of their counts in the row read
        List<String> counted = prep.dropDuplicates() ? List.of() : List.copyOf(categorical);
        aggs.addAll(textCounts(counted));
        aggs.add(functions.count(functions.lit(1)));
        Row r = aggs.size() == 1 && !prep.dropDuplicates() ? null : train.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        Map<String, Object[]> range = new java.util.HashMap<>();
        for (int i = 0; i < ranged.size(); i++) {
            range.put(ranged.get(i), new Object[] {r.get(2 * i), r.get(2 * i + 1)});
        }
        // drop_constant: at most one distinct value in the training rows, missing values not counted (the local rule)
        List<String> constant = new ArrayList<>();
        if (prep.dropConstant()) {
            for (String c : ranged) {
                Object[] lowHigh = range.get(c);
                if (lowHigh[0] == null || lowHigh[0].equals(lowHigh[1])) {
                    constant.add(c);
                }
            }
            if (!constant.isEmpty() && constant.size() == ranged.size()) {
                throw new InputException("preprocess.drop_constant: every feature column is constant in the " + r.getLong(aggs.size() - 1)
                        + " training rows (" + String.join(", ", constant.subList(0, Math.min(5, constant.size())))
                        + (constant.size() > 5 ? " and " + (constant.size() - 5) + " more" : "")
                        + "); check the data, or set preprocess.drop_constant: false");
            }
        }
        numeric.removeAll(constant);
        categorical.removeAll(constant);
        // a 0/1 <name>_missing column for every column left with gaps in the training rows, in the file's order (dropping
        // duplicates keeps a copy of every row, so the same columns have gaps after it)
        List<String> indicators = new ArrayList<>();
        for (int i = 0; prep.impute().indicator() && i < all.size(); i++) {
            if (!constant.contains(all.get(i)) && r.getLong(presentAt + i) < r.getLong(aggs.size() - 1)) {
                indicators.add(all.get(i));
            }
        }
        Dataset<Row> rows = train;
        long duplicates = 0;
        int textAt = 2 * ranged.size() + (prep.impute().indicator() ? all.size() : 0);
        if (prep.dropDuplicates()) {
            // equal in every feature column left and in the target (gaps equal to gaps), as locally; which copy stays does
            // not matter, they are equal in all the recipe and the model read
            List<String> key = new ArrayList<>(numeric);
            key.addAll(categorical);
            key.addAll(exclude);
            // kept on the executors: every part, the model and the training scores read these rows again
            rows = train.dropDuplicates(key.toArray(String[]::new)).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
            counted = List.copyOf(categorical);
            List<Column> counts = new ArrayList<>(textCounts(counted));
            counts.add(functions.count(functions.lit(1)));
            Row kept = rows.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
            duplicates = r.getLong(aggs.size() - 1) - kept.getLong(counts.size() - 1);
            r = kept;
            textAt = 0;
        }
        List<String> identifiers = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Long> distinctLevels = new ArrayList<>();
        for (int i = 0; i < categorical.size(); i++) {
            int at = textAt + 3 * counted.indexOf(categorical.get(i));
            modes.add(r.isNullAt(at) ? null : r.getString(at));
            long distinct = r.getLong(at + 1);
            long present = r.getLong(at + 2);
            distinctLevels.add(distinct);
            if (!feat.keepIdentifiers() && present >= 20 && distinct >= IDENTIFIER_SHARE * present) {
                identifiers.add(categorical.get(i));
            }
        }
        List<String> keptCategorical = new ArrayList<>();
        List<String> keptModes = new ArrayList<>();
        List<Long> keptDistinct = new ArrayList<>();
        for (int i = 0; i < categorical.size(); i++) {
            if (!identifiers.contains(categorical.get(i))) {
                keptCategorical.add(categorical.get(i));
                keptModes.add(modes.get(i));
                keptDistinct.add(distinctLevels.get(i));
            }
        }
        long fitRows = r == null ? -1 : r.getLong(r.size() - 1);

        List<PipelineStage> pre = new ArrayList<>();
        if (!indicators.isEmpty()) {
            StringBuilder sql = new StringBuilder("SELECT *");
            for (int i = 0; i < indicators.size(); i++) {
                sql.append(", CAST(").append(SparkData.quoted(indicators.get(i))).append(" IS NULL AS DOUBLE) AS __ind_").append(i);
            }
            pre.add(new SQLTransformer().setStatement(sql.append(" FROM __THIS__").toString()));
        }
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
        // one-hot's rare levels: those in fewer than min_frequency training rows, and those beyond the max_levels most
        // frequent, share column=other (the local rule); a column whose levels all stay is left as it is
        Map<String, Integer> pooled = new LinkedHashMap<>();
        PipelineStage pooling = null;
        List<String> encodedCats = new ArrayList<>(cats);
        if (feat.encode().equals("onehot") && (feat.maxLevels() > 0 || feat.minFrequency() > 0)) {
            StringBuilder sql = new StringBuilder("SELECT *");
            for (int i = 0; i < keptCategorical.size(); i++) {
                // the approximate distinct count (a few percent off at most) says when no level can be pooled
                if (feat.minFrequency() == 0 && keptDistinct.get(i) * 1.1 + 2 < feat.maxLevels()) {
                    continue;
                }
                List<String> kept = frequentLevels(rows, keptCategorical.get(i), fillOf(prep, keptModes.get(i)), feat, fitRows);
                if (kept == null) {
                    continue;
                }
                String in = cats.get(i);
                String out = "__lvl_" + i;
                sql.append(", CASE WHEN ").append(in).append(kept.isEmpty() ? " IS NULL THEN NULL" : " IN (" + String.join(", ",
                        kept.stream().map(SparkRecipe::literal).toList()) + ") THEN " + in + " WHEN " + in + " IS NULL THEN NULL")
                        .append(" ELSE ").append(literal(org.workbench.features.OneHotEncoder.poolName(kept))).append(" END AS ").append(out);
                encodedCats.set(i, out);
                pooled.put(keptCategorical.get(i), kept.size());
            }
            if (!pooled.isEmpty()) {
                pooling = new SQLTransformer().setStatement(sql.append(" FROM __THIS__").toString());
            }
        }
        for (String b : feat.bins().keySet()) {
            if (constant.contains(b)) {
                throw new InputException("features.bins." + b + ": '" + b + "' is dropped by preprocess.drop_constant (one value in"
                        + " the training rows); remove it from features.bins");
            }
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
            // outliers: clipped after imputing, before scaling and binning, as locally (the imputer then writes __imp_i)
            PreprocessConfig.Outliers outliers = prep.outliers();
            boolean clipping = !outliers.method().equals("none");
            // Spark ML's Imputer parses each input name as an attribute path ("a.b" a field of a, a backtick a quote): names
            // that are not plain identifiers are first copied under plain ones
            String[] imputerIn = numeric.toArray(String[]::new);
            if (numeric.stream().anyMatch(n -> !n.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
                StringBuilder copy = new StringBuilder("SELECT *");
                for (int i = 0; i < numeric.size(); i++) {
                    imputerIn[i] = "__in_" + i;
                    copy.append(", ").append(SparkData.quoted(numeric.get(i))).append(" AS ").append(imputerIn[i]);
                }
                pre.add(new SQLTransformer().setStatement(copy.append(" FROM __THIS__").toString()));
            }
            pre.add(new Imputer().setInputCols(imputerIn)
                    .setOutputCols(clipping ? java.util.stream.IntStream.range(0, imputed.length).mapToObj(SparkClip::imputed)
                            .toArray(String[]::new) : imputed)
                    .setStrategy(prep.impute().numeric().equals("most_frequent") ? "mode" : prep.impute().numeric()));
            if (clipping) {
                List<Integer> checked = new ArrayList<>();
                for (String c : outliers.columns()) {
                    if (!numeric.contains(c)) {
                        String nearest = org.workbench.config.Suggest.nearest(c, numeric);
                        throw new InputException("preprocess.outliers.columns: no numeric feature column '" + c + "'"
                                + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
                    }
                }
                for (int i = 0; i < numeric.size(); i++) {
                    if (outliers.columns().isEmpty() || outliers.columns().contains(numeric.get(i))) {
                        checked.add(i);
                    }
                }
                pre.add(new SparkClip(outliers.method(), outliers.factor(), outliers.threshold(), numeric.size(), checked));
            }
        }
        if (numeric.size() - binIn.size() + indicators.size() > 0) {
            // the unbinned numeric columns, then the indicators: scaled together, as the local scaler scales every numeric column
            String[] imputed = java.util.stream.Stream.concat(java.util.stream.IntStream.range(0, numeric.size()).mapToObj(i -> "__num_" + i)
                    .filter(c -> !binIn.contains(c)), java.util.stream.IntStream.range(0, indicators.size()).mapToObj(i -> "__ind_" + i))
                    .toArray(String[]::new);
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
        if (pooling != null) {
            features.add(pooling);
        }
        // each part of the feature vector with the data column(s) it comes from
        List<String> assembled = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> unbinnedNames = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            if (!binIn.contains("__num_" + i)) {
                unbinnedNames.add(numeric.get(i));
            }
        }
        indicators.forEach(c -> unbinnedNames.add(c + "_missing"));
        if (numericVector != null) {
            assembled.add(numericVector);
            sources.add(null);
        }
        if (!binIn.isEmpty()) {
            if (equalWidth) {
                features.add(new Bucketizer().setInputCols(binIn.toArray(String[]::new)).setOutputCols(binOut.toArray(String[]::new))
                        .setSplitsArray(binIn.stream().map(b -> equalWidthSplits(numeric.get(Integer.parseInt(b.substring("__num_".length()))),
                                feat.bins(), range)).toArray(double[][]::new)));
            } else {
                // quantile edges of the imputed values (the scalers are monotone, so the same bins as of the scaled ones)
                features.add(new QuantileDiscretizer().setInputCols(binIn.toArray(String[]::new)).setOutputCols(binOut.toArray(String[]::new))
                        .setNumBucketsArray(binCounts.stream().mapToInt(Integer::intValue).toArray()));
            }
            assembled.addAll(binOut);
            binIn.forEach(b -> sources.add(numeric.get(Integer.parseInt(b.substring("__num_".length())))));
        }
        Expanded expanded = null;
        if (feat.polynomial().degree() >= 2) {
            expanded = expand(feat.polynomial(), assembled, sources, unbinnedNames, features);
        }
        boolean onehot = feat.encode().equals("onehot");
        if (!cats.isEmpty() && !feat.encode().equals("none")) {
            String[] idx = java.util.stream.IntStream.range(0, cats.size()).mapToObj(i -> "__idx_" + i).toArray(String[]::new);
            // frequent levels first for one-hot; ordinal codes in sorted level order
            features.add(new StringIndexer().setInputCols(encodedCats.toArray(String[]::new)).setOutputCols(idx)
                    .setHandleInvalid("keep").setStringOrderType(onehot ? "frequencyDesc" : "alphabetAsc"));
            if (onehot) {
                String[] ohe = java.util.stream.IntStream.range(0, cats.size()).mapToObj(i -> "__ohe_" + i).toArray(String[]::new);
                // dropLast drops the extra "unseen" level StringIndexer keeps: an unseen level is all zeros
                features.add(new OneHotEncoder().setInputCols(idx).setOutputCols(ohe).setDropLast(true));
                assembled.addAll(List.of(ohe));
            } else {
                assembled.addAll(List.of(idx));
            }
            sources.addAll(keptCategorical);
        }
        // the methods SparkSupport lets through; selection reads the assembled vector and writes the model's input
        boolean selecting = List.of("variance", "f_test").contains(sel.method());
        String vector = selecting ? ASSEMBLED : SparkRun.FEATURES;
        Projected projected = null;
        if (feat.pca() != null) {
            projected = project(feat.pca(), assembled, sources, numericVector, unbinnedNames, keptCategorical, onehot, features);
        }
        features.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new)).setOutputCol(vector));

        List<PipelineStage> selection = new ArrayList<>();
        if (sel.method().equals("variance")) {
            selection.add(new VarianceThresholdSelector().setVarianceThreshold(sel.varianceThreshold())
                    .setFeaturesCol(ASSEMBLED).setOutputCol(SparkRun.FEATURES));
        } else if (sel.method().equals("f_test")) {
            if (task == Task.CLUSTERING) {
                throw new InputException("select.method: 'f_test' scores features against the target; use variance; clustering"
                        + " has no target");
            }
            // the F-test of each feature: ANOVA F against the classes, or the F-value against a numeric target
            selection.add(new UnivariateFeatureSelector().setFeatureType("continuous")
                    .setLabelType(task == Task.CLASSIFICATION ? "categorical" : "continuous").setSelectionMode("numTopFeatures")
                    .setSelectionThreshold(sel.k()).setFeaturesCol(ASSEMBLED).setLabelCol(SparkRun.LABEL)
                    .setOutputCol(SparkRun.FEATURES));
        }
        return new Parts(pre, features, selection, numeric, unbinnedNames, keptCategorical, identifiers, constant, indicators, pooled, feat.binMethod(), projected, expanded, rows, duplicates);
    }

    /**
     * Adds {@code features.pca} to the features part: the parts of the vector it projects (every one, as the local
     * engine projects every numeric column after encoding, or those of the named columns) are assembled, centred
     * and projected by {@link SparkPca}; {@code assembled} becomes the parts left as they are, then the components.
     * {@code sources} names each part's data column (null: the vector of unbinned numeric columns).
     */
    private static Projected project(Pca pca, List<String> assembled, List<String> sources, String numericVector,
                                     List<String> unbinnedNames, List<String> keptCategorical, boolean onehot,
                                     List<PipelineStage> features) {
        List<String> named = pca.columns();
        for (String name : named) {
            if (unbinnedNames.contains(name) || (sources.contains(name) && !(onehot && keptCategorical.contains(name)))) {
                continue;
            }
            if ((onehot && keptCategorical.contains(name)) || name.contains("=")) {
                throw new InputException("features.pca.columns: '" + name + "' is one-hot encoded; on the spark engine pca"
                        + " projects whole data columns (numeric, binned or ordinal-coded): leave columns empty to project every"
                        + " encoded column, or set features.encode: ordinal");
            }
            List<String> known = new ArrayList<>(unbinnedNames);
            sources.stream().filter(java.util.Objects::nonNull).forEach(known::add);
            String nearest = org.workbench.config.Suggest.nearest(name, known);
            throw new InputException("features.pca.columns: no numeric column '" + name + "'"
                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
        }
        Taken t = take(named, assembled, sources, unbinnedNames, "__pca_num", "__kept_num", features);
        if (t.taken().isEmpty()) {
            // nothing numeric to project: the features pass through, as on the local engine
            return null;
        }
        features.add(new VectorAssembler().setInputCols(t.taken().toArray(String[]::new)).setOutputCol("__pca_in"));
        features.add(new SparkPca(pca.components(), "__pca_in", "__pcs"));
        assembled.clear();
        assembled.addAll(t.left());
        assembled.add("__pcs");
        sources.clear();
        sources.addAll(t.leftSources());
        sources.add(null);
        List<String> numeric = t.names().stream().filter(unbinnedNames::contains).toList();
        List<String> categorical = t.names().stream().filter(keptCategorical::contains).toList();
        List<String> binned = t.names().stream().filter(n -> !numeric.contains(n) && !categorical.contains(n)).toList();
        return new Projected(numeric, binned, categorical, onehot, pca.components(), t.leftNumeric());
    }

    /**
     * The parts of the assembled vector a step takes, and those it leaves as they are ({@code sources} names each part's
     * data column; null: the vector of unbinned numeric columns): every part, or those of the {@code named} data columns,
     * the numeric vector sliced (into {@code takenSlice} and {@code leftSlice}) when only some of its columns are named.
     *
     * @param taken       the parts the step takes
     * @param names       the data columns they hold, in order
     * @param left        the parts left as they are
     * @param leftSources their data columns (null: a numeric vector)
     * @param leftNumeric the unbinned numeric columns left as they are
     */
    private record Taken(List<String> taken, List<String> names, List<String> left, List<String> leftSources,
                         List<String> leftNumeric) {
    }

    private static Taken take(List<String> named, List<String> assembled, List<String> sources, List<String> unbinnedNames,
                              String takenSlice, String leftSlice, List<PipelineStage> features) {
        Taken t = new Taken(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < assembled.size(); i++) {
            String part = assembled.get(i);
            String source = sources.get(i);
            if (source == null) {
                List<Integer> chosen = new ArrayList<>();
                for (int j = 0; j < unbinnedNames.size(); j++) {
                    if (named.isEmpty() || named.contains(unbinnedNames.get(j))) {
                        chosen.add(j);
                        t.names().add(unbinnedNames.get(j));
                    } else {
                        t.leftNumeric().add(unbinnedNames.get(j));
                    }
                }
                if (chosen.size() == unbinnedNames.size()) {
                    t.taken().add(part);
                } else if (chosen.isEmpty()) {
                    t.left().add(part);
                    t.leftSources().add(null);
                } else {
                    features.add(new org.apache.spark.ml.feature.VectorSlicer().setInputCol(part).setOutputCol(takenSlice)
                            .setIndices(chosen.stream().mapToInt(Integer::intValue).toArray()));
                    features.add(new org.apache.spark.ml.feature.VectorSlicer().setInputCol(part).setOutputCol(leftSlice)
                            .setIndices(java.util.stream.IntStream.range(0, unbinnedNames.size()).filter(j -> !chosen.contains(j)).toArray()));
                    t.taken().add(takenSlice);
                    t.left().add(leftSlice);
                    t.leftSources().add(null);
                }
            } else if (named.isEmpty() || named.contains(source)) {
                t.taken().add(part);
                t.names().add(source);
            } else {
                t.left().add(part);
                t.leftSources().add(source);
            }
        }
        return t;
    }

    /** The value a text column's gaps are filled with ({@code mode} is the training rows' most frequent), or null. */
    private static String fillOf(PreprocessConfig prep, String mode) {
        return switch (prep.impute().categorical()) {
            case "most_frequent" -> mode;
            case "constant" -> prep.impute().fillCategorical();
            default -> null;
        };
    }

    /**
     * The levels of a text column one-hot keeps by the local rule, counted after its gaps are filled: those in at least
     * min_frequency of the {@code rows} rows (a count when >= 1, else a share), the max_levels most frequent of them (ties
     * in level order); null when every level stays. One job, which brings at most max_levels + 1 levels to the driver
     * (with max_levels 0, two: the frequent levels, and whether a rarer one exists).
     */
    static List<String> frequentLevels(Dataset<Row> train, String column, String fill, FeaturesConfig feat, long rows) {
        Column value = fill == null ? col(SparkData.quoted(column)) : functions.coalesce(col(SparkData.quoted(column)), functions.lit(fill));
        Dataset<Row> counts = train.select(value.as("level")).filter(col("level").isNotNull()).groupBy("level").count()
                .orderBy(functions.desc("count"), functions.asc("level"));
        double least = feat.minFrequency() >= 1 ? feat.minFrequency() : feat.minFrequency() * rows;
        if (feat.maxLevels() == 0) {
            // no cap: the frequent levels (at most rows / min_frequency of them), and whether any level is rarer
            List<String> kept = counts.filter(col("count").geq(least)).select("level").collectAsList().stream()
                    .map(r -> r.getString(0)).toList();
            return counts.filter(col("count").lt(least)).limit(1).count() == 0 ? null : kept;
        }
        List<Row> top = counts.limit(feat.maxLevels() + 1).collectAsList();
        List<String> kept = new ArrayList<>();
        for (Row level : top) {
            if (level.getLong(1) >= least && kept.size() < feat.maxLevels()) {
                kept.add(level.getString(0));
            }
        }
        return kept.size() == top.size() ? null : kept;
    }

    /** Each text column's mode, approximate distinct count and present count, three aggregates per column. */
    private static List<Column> textCounts(List<String> categorical) {
        List<Column> aggs = new ArrayList<>();
        for (String c : categorical) {
            aggs.add(functions.mode(col(SparkData.quoted(c))));
            aggs.add(functions.approx_count_distinct(col(SparkData.quoted(c))));
            aggs.add(functions.count(col(SparkData.quoted(c))));
        }
        return aggs;
    }

    /**
     * A Bucketizer's splits for equal-width bins of one column, by the local engine's rule: [min, max] of the training
     * values cut into n equal parts (the imputed values share that range: a median, mean or mode lies within it), equal
     * edges merged, then -inf and +inf around them. A column with no inner edge (one value) gets Double.MAX_VALUE as its
     * only one, as a Bucketizer needs three splits: every finite value is below it, in bin 0 as locally.
     */
    static double[] equalWidthSplits(String column, Map<String, Integer> bins, Map<String, Object[]> range) {
        int n = bins.get(column);
        if (n < 2) {
            throw new InputException("features.bins." + column + ": needs at least 2 bins, got " + n);
        }
        Object[] lowHigh = range.get(column);
        java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
        if (lowHigh[0] != null) {
            double min = ((Number) lowHigh[0]).doubleValue();
            double max = ((Number) lowHigh[1]).doubleValue();
            for (int i = 1; i < n; i++) {
                double edge = min + i * (max - min) / n;
                if (edge > min && edge <= max) {
                    edges.add(edge);
                }
            }
        }
        if (edges.isEmpty()) {
            edges.add(Double.MAX_VALUE);
        }
        double[] splits = new double[edges.size() + 2];
        splits[0] = Double.NEGATIVE_INFINITY;
        int i = 1;
        for (double e : edges) {
            splits[i++] = e;
        }
        splits[i] = Double.POSITIVE_INFINITY;
        return splits;
    }

    /**
     * {@code features.polynomial}: the numeric columns it combines (by name, in the order of its input vector), the
     * degree, and the unbinned numeric columns it leaves as they are (when it takes only some of them).
     */
    record Expanded(List<String> inputs, int degree, List<String> plain) {
        /**
         * Each slot of Spark's {@code PolynomialExpansion} output by the local engine's term names ("Age", "Age^2",
         * "Age*Fare"), in Spark's order: the terms without the last input, then those with it once, twice, ... (for
         * (x, y) and degree 2: x, x^2, y, x*y, y^2).
         */
        List<String> names() {
            List<String> names = new ArrayList<>();
            for (int[] powers : terms(inputs.size(), degree)) {
                List<String> factors = new ArrayList<>();
                for (int i = 0; i < powers.length; i++) {
                    if (powers[i] > 0) {
                        factors.add(inputs.get(i) + (powers[i] > 1 ? "^" + powers[i] : ""));
                    }
                }
                if (!factors.isEmpty()) {
                    names.add(String.join("*", factors));
                }
            }
            return names;
        }

        /** Every exponent vector over {@code n} inputs of total degree <= {@code degree}, the constant first, in Spark's order. */
        private static List<int[]> terms(int n, int degree) {
            List<int[]> out = new ArrayList<>();
            if (n == 0) {
                out.add(new int[0]);
                return out;
            }
            for (int last = 0; last <= degree; last++) {
                for (int[] head : terms(n - 1, degree - last)) {
                    int[] t = java.util.Arrays.copyOf(head, n);
                    t[n - 1] = last;
                    out.add(t);
                }
            }
            return out;
        }
    }

    /**
     * Adds {@code features.polynomial} to the features part: the chosen parts of the vector (every unbinned numeric
     * column and bin number, as the local engine combines every numeric column, or the named ones) assembled and expanded
     * by Spark's {@code PolynomialExpansion}, whose output holds the columns themselves and every product up to the degree;
     * {@code assembled} keeps the parts left out, the expansion first.
     */
    private static Expanded expand(org.workbench.features.FeaturesConfig.Polynomial poly, List<String> assembled, List<String> sources,
                                   List<String> unbinnedNames, List<PipelineStage> features) {
        List<String> named = poly.columns();
        List<String> binned = sources.stream().filter(java.util.Objects::nonNull).toList();
        for (String name : named) {
            if (!unbinnedNames.contains(name) && !binned.contains(name)) {
                List<String> known = new ArrayList<>(unbinnedNames);
                known.addAll(binned);
                String nearest = org.workbench.config.Suggest.nearest(name, known);
                throw new InputException("features.polynomial.columns: no numeric column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        Taken t = take(named, assembled, sources, unbinnedNames, "__poly_num", "__plain_num", features);
        if (t.taken().isEmpty()) {
            return null;
        }
        features.add(new VectorAssembler().setInputCols(t.taken().toArray(String[]::new)).setOutputCol("__poly_in"));
        features.add(new org.apache.spark.ml.feature.PolynomialExpansion().setDegree(poly.degree()).setInputCol("__poly_in")
                .setOutputCol("__poly"));
        assembled.clear();
        assembled.add("__poly");
        assembled.addAll(t.left());
        sources.clear();
        sources.add(null);
        sources.addAll(t.leftSources());
        return new Expanded(t.names(), poly.degree(), t.leftNumeric());
    }

    /** An assembled slot's name as the VectorAssembler makes it from our column names: vector, index, level. */
    private static final Pattern SLOT = Pattern.compile("__(num_vec|num_scaled|kept_num|plain_num|poly|bin|idx|ohe|pcs)_(\\d+)(?:_(.*))?");

    /**
     * Each slot of an assembled vector column by the data column it comes from, as the local engine names its
     * features: the column, column=level for a one-hot level, pc1.. for a principal component.
     */
    static List<String> featureNames(Dataset<Row> rows, String column, Parts parts) {
        org.apache.spark.ml.attribute.AttributeGroup group =
                org.apache.spark.ml.attribute.AttributeGroup.fromStructField(rows.schema().apply(column));
        List<String> names = new ArrayList<>();
        if (group.attributes().isEmpty()) {
            for (int i = 1; i <= group.size(); i++) {
                names.add("feature " + i);
            }
            return names;
        }
        for (org.apache.spark.ml.attribute.Attribute a : group.attributes().get()) {
            String slot = a.name().isDefined() ? a.name().get() : "";
            Matcher m = SLOT.matcher(slot);
            if (!m.matches()) {
                names.add(slot);
                continue;
            }
            int i = Integer.parseInt(m.group(2));
            names.add(switch (m.group(1)) {
                case "num_vec", "num_scaled" -> parts.unbinned().get(i);
                case "kept_num" -> parts.projected().keptNumeric().get(i);
                case "plain_num" -> parts.expanded().plain().get(i);
                case "poly" -> parts.expanded().names().get(i);
                case "bin" -> parts.numeric().get(i);
                case "idx" -> parts.categorical().get(i);
                case "ohe" -> parts.categorical().get(i) + "=" + m.group(3);
                default -> "pc" + (i + 1);
            });
        }
        return names;
    }

    /** A SQL string literal that survives any character: the UTF-8 bytes in hex. */
    private static String literal(String value) {
        return "CAST(unhex('" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "') AS STRING)";
    }
}
