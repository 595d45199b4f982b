package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.Step;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The feature recipe built from its config section: step order and per-column encoders. */
class FeatureStepsTest {
    @Test
    void perColumnEncodingsFromConfig() {
        FeaturesConfig config = new FeaturesConfig("target", Map.of("Sex", "onehot"), 0, 0, true, Map.of(),
                new FeaturesConfig.TargetEncoding(5, 10, 42), List.of(new DeriveColumns.Derived("F", "a + b")),
                Map.of("a", "log1p"), Map.of("b", 3), "quantile", new FeaturesConfig.Polynomial(2, List.of(), false),
                new FeaturesConfig.Dates(List.of("d"), List.of("year"), ""));
        List<String> names = FeatureSteps.from(config).steps().stream().map(Step::name).toList();
        assertEquals(List.of("dates", "derive", "transform", "bin", "polynomial", "onehot", "target_encode"), names);
        assertEquals(new OneHotEncoder(0, CategoricalColumns.only(List.of("Sex"))), FeatureSteps.from(config).steps().get(5));
        assertEquals(new TargetEncoder(CategoricalColumns.except(List.of("Sex")), 5, 10, 42),
                FeatureSteps.from(config).steps().get(6));
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2));
        assertEquals(List.of(), new FrequencyEncoder(CategoricalColumns.ALL).fit(t).columns());
    }

    @Test
    void aScalerLeftToThisStageRunsRightAfterDerivedAndTransformedColumns() {
        FeaturesConfig config = new FeaturesConfig("onehot", Map.of(), 0, 0, true, Map.of(),
                new FeaturesConfig.TargetEncoding(5, 10, 42), List.of(new DeriveColumns.Derived("F", "a / b")),
                Map.of("a", "log1p"), Map.of("b", 3), "quantile", new FeaturesConfig.Polynomial(2, List.of(), false),
                new FeaturesConfig.Dates(List.of(), List.of("year"), ""));
        List<String> names = FeatureSteps.from(config, new org.workbench.preprocessing.Scaler("standard")).steps().stream()
                .map(Step::name).toList();
        assertEquals(List.of("derive", "transform", "scale", "bin", "polynomial", "onehot"), names);
    }

    @Test
    void derivedColumnsReadTheFilesValuesThoughTheConfigScales(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // y = a / b exactly: with the ratio of the file's values least squares fits it; of two z-scores it cannot
        StringBuilder csv = new StringBuilder("a,b,y\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double a = random.nextDouble(1, 10);
            double b = random.nextDouble(1, 100);
            csv.append(String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.9f%n", a, b, a / b));
        }
        java.nio.file.Path data = java.nio.file.Files.writeString(dir.resolve("d.csv"), csv);
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("c.yaml"), "name: ratio\nproblem: {target: y}\n"
                + "data: {source: " + data + "}\npreprocess: {scale: standard}\nfeatures: {derive: {q: \"a / b\"}}\n"
                + "train: {model: least_squares}\nevaluate: {cv_folds: 0}\nseed: 1\n");
        org.workbench.cli.Cli cli = org.workbench.cli.Cli.run("run", config.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        org.junit.jupiter.api.Assertions.assertTrue(cli.out().contains("scale runs in the features stage"), cli.out());
        org.junit.jupiter.api.Assertions.assertTrue(cli.out().contains("(derive, scale"), cli.out());
        java.util.regex.Matcher rmse = java.util.regex.Pattern.compile("rmse: test ([0-9.]+)").matcher(cli.out());
        org.junit.jupiter.api.Assertions.assertTrue(rmse.find(), cli.out());
        org.junit.jupiter.api.Assertions.assertTrue(Double.parseDouble(rmse.group(1)) < 1e-3, cli.out());
    }

    @Test
    void configBuildsOneEncoder() {
        assertEquals(List.of(new OneHotEncoder()), FeatureSteps.from(new FeaturesConfig("onehot")).steps());
    }
}
