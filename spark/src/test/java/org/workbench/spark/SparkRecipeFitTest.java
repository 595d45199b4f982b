package org.workbench.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.features.Binner;
import org.workbench.recipe.ApplyLog;
import org.workbench.run.EngineConfig;
import org.workbench.table.DataConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recipe steps fitted on small frames in the session the Spark tests share, against the local engine's steps. */
class SparkRecipeFitTest {
    private static final StructType SCHEMA = new StructType().add("x", "double").add("k", "double").add("t", "string")
            .add("c", "string").add("y", "double");

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("x", DataConfig.NUMERIC);
        types.put("k", DataConfig.NUMERIC);
        types.put("t", DataConfig.CATEGORICAL);
        types.put("c", DataConfig.CATEGORICAL);
        types.put("y", DataConfig.NUMERIC);
        return types;
    }

    /** x: skewed values and one gap; k: one value and a gap; t: one level; c: two levels. */
    private static Dataset<Row> rows(SparkSession spark) {
        double[] x = {0, 1, 1, 2, 3, 5, 8, 13, 21, 34};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(x[i], i == 3 ? null : 5.0, "a", i % 2 == 0 ? "p" : "q", (double) (i % 2)));
        }
        rows.add(RowFactory.create(null, 5.0, null, "p", 0.0));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** The recipe titanic's config (no column dropped) with these overrides builds for the frame of {@link #rows}, target y. */
    private static SparkRecipe.Parts parts(Dataset<Row> train, String... sets) {
        List<String> overrides = new ArrayList<>(List.of("preprocess.drop=[]"));
        overrides.addAll(List.of(sets));
        return SparkRecipe.build(SparkEngineTest.config("titanic", overrides.toArray(String[]::new)), types(), List.of("y"),
                Task.CLASSIFICATION, train);
    }

    private static PipelineModel fit(SparkRecipe.Parts parts, Dataset<Row> train) {
        return new Pipeline().setStages(parts.all().toArray(PipelineStage[]::new)).fit(train);
    }

    private static SparkSession spark() {
        return Sessions.start(new EngineConfig("spark", "local[2]", SparkEngineTest.TEST_CONF), "test");
    }

    @Test
    void equalWidthBinsHaveTheLocalEnginesEdgesAndBins() {
        SparkSession spark = spark();
        Dataset<Row> train = rows(spark);
        SparkRecipe.Parts parts = parts(train, "features.bins={x: 4}", "features.bin_method=equal_width");
        PipelineModel fitted = fit(parts, train);
        // local: the same values, the gap imputed by the median (3), then binned
        double[] present = {0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 3};
        Table table = Table.create("t", DoubleColumn.create("x", present));
        Binner.Fitted local = new Binner(Map.of("x", 4), "equal_width").fit(table);
        assertEquals(List.of(8.5, 17.0, 25.5), local.columns().get(0).edges());
        Table localBins = local.apply(table, new ApplyLog());
        List<Double> sparkBins = fitted.transform(train).select("__bin_0").collectAsList().stream().map(r -> r.getDouble(0)).toList();
        assertEquals(localBins.doubleColumn("x").asList(), sparkBins);
        // beyond the training range: the first and last bin, as locally
        Dataset<Row> wide = spark.createDataFrame(List.of(RowFactory.create(-100.0, 5.0, "a", "p", 0.0),
                RowFactory.create(100.0, 5.0, "a", "q", 1.0)), SCHEMA);
        assertEquals(List.of(0.0, 3.0), fitted.transform(wide).select("__bin_0").collectAsList().stream().map(r -> r.getDouble(0)).toList());
        // one value only: no inner edge, every row in bin 0
        assertEquals(3, SparkRecipe.equalWidthSplits("k", Map.of("k", 3), Map.of("k", new Object[] {5.0, 5.0})).length);
        assertEquals(Double.MAX_VALUE, SparkRecipe.equalWidthSplits("k", Map.of("k", 3), Map.of("k", new Object[] {5.0, 5.0}))[1]);
    }

    @Test
    void dropConstantDropsColumnsWithOneValueInTheTrainingRowsGapsNotCounted() {
        SparkSession spark = spark();
        Dataset<Row> train = rows(spark);
        SparkRecipe.Parts parts = parts(train, "preprocess.drop_constant=true");
        assertEquals(List.of("k", "t"), parts.constant());
        assertEquals(List.of("x"), parts.numeric());
        assertEquals(List.of("c"), parts.categorical());
        PipelineModel fitted = fit(parts, train);
        // x scaled, and c one-hot (p and q; the unseen level dropped): three features
        assertEquals(3, ((org.apache.spark.ml.linalg.Vector) fitted.transform(train).select(SparkRun.FEATURES).first().get(0)).size());
        // off: every column stays
        assertTrue(parts(train).constant().isEmpty());
        // a binned column that is dropped is named
        InputException e = assertThrows(InputException.class, () -> parts(train, "preprocess.drop_constant=true", "features.bins={k: 3}"));
        assertTrue(e.getMessage().startsWith("features.bins.k: 'k' is dropped by preprocess.drop_constant"), e.getMessage());
        // nothing left is an error, as locally
        e = assertThrows(InputException.class, () -> parts(train, "preprocess.drop=[x, c]", "preprocess.drop_constant=true"));
        assertEquals("preprocess.drop_constant: every feature column is constant in the 11 training rows (k, t); check the data,"
                + " or set preprocess.drop_constant: false", e.getMessage());
    }

    @Test
    void dropDuplicatesKeepsOneOfEachRowEqualInEveryFeatureAndTheTargetAndImputesFromThoseLeft() {
        SparkSession spark = spark();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(RowFactory.create(1.0, 5.0, "a", "p", 0.0));
        }
        rows.add(RowFactory.create(1.0, 5.0, "a", "p", 1.0)); // the same features, another target: kept
        rows.add(RowFactory.create(null, 5.0, "a", "q", 0.0));
        rows.add(RowFactory.create(null, 5.0, "a", "q", 0.0)); // a gap equals a gap
        rows.add(RowFactory.create(2.0, 5.0, "a", "q", 0.0));
        rows.add(RowFactory.create(3.0, 5.0, "a", "q", 0.0));
        Dataset<Row> train = spark.createDataFrame(rows, SCHEMA);
        SparkRecipe.Parts parts = parts(train, "preprocess.drop_duplicates=true");
        assertEquals(5, parts.duplicates());
        assertEquals(5, parts.rows().count());
        // c's most frequent value among the rows kept is q (3 of 5), though p is among all ten (6)
        String fill = ((org.apache.spark.ml.feature.SQLTransformer) parts.preprocessing().get(0)).getStatement();
        assertTrue(fill.contains("COALESCE(`c`, CAST(unhex('71') AS STRING))"), fill);
        // off: every row, no second pass
        SparkRecipe.Parts all = parts(train);
        assertEquals(0, all.duplicates());
        assertTrue(all.rows() == train);
    }

    @Test
    void outliersAreClippedToBoundsFittedOnTheImputedTrainingValues() {
        SparkSession spark = spark();
        Dataset<Row> train = rows(spark);
        // x: 0 1 1 2 3 5 8 13 21 34 and the gap imputed by the median, 3
        Table imputed = Table.create("t", DoubleColumn.create("x", new double[] {0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 3}));
        for (String method : List.of("zscore", "iqr")) {
            SparkRecipe.Parts parts = parts(train, "preprocess.outliers.method=" + method, "preprocess.outliers.threshold=1.5", "preprocess.outliers.columns=[x]");
            PipelineModel fitted = fit(parts, train);
            Map<Integer, double[]> bounds = java.util.Arrays.stream(fitted.stages()).map(SparkClip::bounds)
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            assertEquals(List.of(0), List.copyOf(bounds.keySet()), "only x is checked");
            org.workbench.preprocessing.OutlierHandler.Fitted.Bounds local = new org.workbench.preprocessing.OutlierHandler(method, 1.5,
                    1.5, "clip", List.of("x")).fit(imputed).columns().get(0);
            // zscore: exact, as locally; iqr: Spark's quartiles are values of the column (1 and 13: bounds -17, 31), the local
            // ones interpolated (1.5 and 10.5: bounds -12, 24), which on 11 rows is a wide gap, on many rows a small one
            double tolerance = method.equals("zscore") ? 1e-9 : 7.5;
            assertEquals(local.lower(), bounds.get(0)[0], tolerance, method);
            assertEquals(local.upper(), bounds.get(0)[1], tolerance, method);
            double upper = bounds.get(0)[1];
            List<Double> clipped = fitted.transform(train).select("__num_0").collectAsList().stream().map(r -> r.getDouble(0)).toList();
            assertEquals(upper, clipped.get(9), 1e-12, "34 is clipped to the upper bound");
            assertEquals(8.0, clipped.get(6), 0.0, "8 is inside");
        }
        InputException e = assertThrows(InputException.class, () -> parts(train, "preprocess.outliers.method=iqr", "preprocess.outliers.columns=[xx]"));
        assertEquals("preprocess.outliers.columns: no numeric feature column 'xx'; did you mean 'x'?", e.getMessage());
    }

    @Test
    void missingIndicatorsMarkTheColumnsWithGapsInTheTrainingRowsAndAreScaledWithTheNumbers() {
        SparkSession spark = spark();
        Dataset<Row> train = rows(spark);
        SparkRecipe.Parts parts = parts(train, "preprocess.impute.indicator=true");
        // x, k and t have gaps, c has none; in the file's order
        assertEquals(List.of("x", "k", "t"), parts.indicators());
        PipelineModel fitted = fit(parts, train);
        Dataset<Row> out = fitted.transform(train);
        assertEquals(List.of(0.0, 0.0, 0.0, 1.0), out.select("__ind_1").collectAsList().stream().limit(4).map(r -> r.getDouble(0)).toList());
        assertEquals(1.0, out.select("__ind_0").collectAsList().get(10).getDouble(0));
        // x, k, then the three indicators, scaled together; t's one level and c's two
        List<String> names = SparkRecipe.featureNames(out, SparkRun.FEATURES, parts);
        assertEquals(List.of("x", "k", "x_missing", "k_missing", "t_missing", "t=a", "c=p", "c=q"), names);
    }

    @Test
    void polynomialExpandsTheNamedColumnsAndLeavesTheOthersAsTheyAre() {
        SparkSession spark = spark();
        Dataset<Row> train = rows(spark);
        SparkRecipe.Parts parts = parts(train, "features.polynomial={degree: 3, columns: [x]}");
        PipelineModel fitted = fit(parts, train);
        Dataset<Row> out = fitted.transform(train);
        assertEquals(List.of("x", "x^2", "x^3", "k", "t=a", "c=p", "c=q"), SparkRecipe.featureNames(out, SparkRun.FEATURES, parts));
        for (Row r : out.select(SparkRun.FEATURES).collectAsList()) {
            org.apache.spark.ml.linalg.Vector v = (org.apache.spark.ml.linalg.Vector) r.get(0);
            assertEquals(v.apply(0) * v.apply(0), v.apply(1), 1e-12);
            assertEquals(v.apply(0) * v.apply(0) * v.apply(0), v.apply(2), 1e-12);
        }
        // every numeric column: Spark's order of the products, by the local engine's term names
        assertEquals(List.of("x", "x^2", "k", "x*k", "k^2"), new SparkRecipe.Expanded(List.of("x", "k"), 2, List.of()).names());
        InputException e = assertThrows(InputException.class, () -> parts(train, "features.polynomial={degree: 2, columns: [xx]}"));
        assertEquals("features.polynomial.columns: no numeric column 'xx'; did you mean 'x'?", e.getMessage());
    }

    @Test
    void oneHotPoolsRareLevelsIntoOtherByTheLocalRule() {
        SparkSession spark = spark();
        StructType schema = new StructType().add("x", "double").add("g", "string").add("y", "double");
        List<Row> rows = new ArrayList<>();
        String[] levels = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "c", "d", null};
        for (int i = 0; i < levels.length; i++) {
            rows.add(RowFactory.create((double) i, levels[i], (double) (i % 2)));
        }
        Dataset<Row> train = spark.createDataFrame(rows, schema);
        Map<String, String> types = new LinkedHashMap<>();
        types.put("x", DataConfig.NUMERIC);
        types.put("g", DataConfig.CATEGORICAL);
        types.put("y", DataConfig.NUMERIC);
        Dataset<Row> test = spark.createDataFrame(List.of(RowFactory.create(1.0, "a", 0.0), RowFactory.create(1.0, "d", 0.0),
                RowFactory.create(1.0, "z", 0.0)), schema);
        // the two most frequent (the gap filled with a), or those in at least 2 rows: a and b keep their own column
        for (String[] sets : new String[][] {{"features.max_levels=2"}, {"features.max_levels=0", "features.min_frequency=2"},
                {"features.max_levels=0", "features.min_frequency=0.2"}}) {
            List<String> overrides = new ArrayList<>(List.of("preprocess.drop=[]"));
            overrides.addAll(List.of(sets));
            SparkRecipe.Parts parts = SparkRecipe.build(SparkEngineTest.config("titanic", overrides.toArray(String[]::new)), types,
                    List.of("y"), Task.CLASSIFICATION, train);
            assertEquals(Map.of("g", 2), parts.pooled(), List.of(sets).toString());
            PipelineModel fitted = fit(parts, train);
            Dataset<Row> out = fitted.transform(test);
            assertEquals(List.of("x", "g=a", "g=b", "g=other"), SparkRecipe.featureNames(out, SparkRun.FEATURES, parts));
            // a is itself; d (rare) and z (unseen) are other
            List<double[]> vectors = out.select(SparkRun.FEATURES).collectAsList().stream()
                    .map(r -> ((org.apache.spark.ml.linalg.Vector) r.get(0)).toArray()).toList();
            assertEquals(List.of(1.0, 0.0, 0.0), List.of(vectors.get(0)[1], vectors.get(0)[2], vectors.get(0)[3]));
            assertEquals(List.of(0.0, 0.0, 1.0), List.of(vectors.get(1)[1], vectors.get(1)[2], vectors.get(1)[3]));
            assertEquals(List.of(0.0, 0.0, 1.0), List.of(vectors.get(2)[1], vectors.get(2)[2], vectors.get(2)[3]));
        }
        // every level frequent enough and within the cap: nothing pooled, no job
        assertTrue(SparkRecipe.build(SparkEngineTest.config("titanic", "preprocess.drop=[]"), types, List.of("y"), Task.CLASSIFICATION,
                train).pooled().isEmpty());
    }

    @Test
    void columnNamesWithADotOrABacktickAreReadAsWritten() {
        SparkSession spark = spark();
        StructType schema = new StructType().add("a.b", "double").add("w `n`", "double").add("y", "double");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(RowFactory.create(i == 3 ? null : (double) i, (double) (i * i), (double) (i % 2)));
        }
        Dataset<Row> train = spark.createDataFrame(rows, schema);
        Map<String, String> types = new LinkedHashMap<>();
        types.put("a.b", DataConfig.NUMERIC);
        types.put("w `n`", DataConfig.NUMERIC);
        types.put("y", DataConfig.NUMERIC);
        SparkRecipe.Parts parts = SparkRecipe.build(SparkEngineTest.config("titanic", "preprocess.drop=[]",
                "preprocess.impute.indicator=true", "preprocess.outliers.method=zscore", "preprocess.drop_constant=true"), types,
                List.of("y"), Task.CLASSIFICATION, train);
        Dataset<Row> out = fit(parts, train).transform(train);
        assertEquals(List.of("a.b", "w `n`", "a.b_missing"), SparkRecipe.featureNames(out, SparkRun.FEATURES, parts));
        assertEquals(12, out.select(SparkRun.FEATURES).count());
    }
}
