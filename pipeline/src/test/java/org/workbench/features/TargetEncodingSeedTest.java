package org.workbench.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.recipe.Step;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The out-of-fold split of target encoding follows the run's seed (and --seed). */
class TargetEncodingSeedTest {
    private static PipelineConfig parse(String yaml) throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree(
                "problem: {target: y}\ndata: {source: d.csv}\nfeatures: {encode: target}\n" + yaml);
        return ConfigLoader.parse(tree, Path.of("c.yaml"));
    }

    @Test
    void theFoldSeedIsTheRunSeed() throws Exception {
        assertEquals(42, parse("").section(FeaturesConfig.class).target().seed());
        assertEquals(7, parse("seed: 7").section(FeaturesConfig.class).target().seed());
        ConfigException own = assertThrows(ConfigException.class,
                () -> parse("features: {encode: target, target: {seed: 3}}"));
        assertTrue(own.getMessage().contains("features.target.seed") && own.getMessage().contains("set seed"), own.getMessage());
    }

    @Test
    void anotherRunSeedEncodesTheTrainingRowsFromOtherFolds() throws Exception {
        double[] seed42 = encodedTrainingRows(parse(""));
        double[] seed7 = encodedTrainingRows(parse("seed: 7"));
        assertFalse(Arrays.equals(seed42, seed7), "seed 7 cuts other folds, so rows get other out-of-fold means");
        // seed 42 is the fixed seed the encoder used before it followed the run's seed
        double[] before = new TargetEncoder(CategoricalColumns.ALL, 5, 10, 42).fitTransform(rows()).train().features()
                .doubleColumn("c_te").asDoubleArray();
        assertArrayEquals(before, seed42);
    }

    private static double[] encodedTrainingRows(PipelineConfig config) {
        Step encoder = FeatureSteps.from(config.section(FeaturesConfig.class)).steps().stream()
                .filter(s -> s instanceof TargetEncoder).findFirst().orElseThrow();
        return encoder.fitTransform(rows()).train().features().doubleColumn("c_te").asDoubleArray();
    }

    /** 40 rows, four levels, a target that depends on the level only in part. */
    private static Frame rows() {
        String[] levels = new String[40];
        String[] y = new String[40];
        for (int i = 0; i < 40; i++) {
            levels[i] = "L" + (i % 4);
            y[i] = (i * 7 % 5 < 2 + i % 4 / 2) ? "1" : "0";
        }
        return new Frame(Table.create("t", StringColumn.create("c", levels)), Target.labels("y", y));
    }
}
