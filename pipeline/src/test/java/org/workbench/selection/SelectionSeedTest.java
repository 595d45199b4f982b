package org.workbench.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;
import org.workbench.data.Target;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The model of model_based selection is trained with the run's seed (and --seed), not a fixed one. */
class SelectionSeedTest {
    private static PipelineConfig parse(String yaml) throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree("problem: {target: y}\ndata: {source: d.csv}\n"
                + "select: {method: model_based, model: l1, k: 2}\n" + yaml);
        return ConfigLoader.parse(tree, Path.of("c.yaml"));
    }

    private static ScoredSelector selector(PipelineConfig config) {
        return (ScoredSelector) new SelectionStage().steps(config).steps().get(0);
    }

    @Test
    void theSelectorTakesTheRunSeed() throws Exception {
        assertEquals(42, selector(parse("")).seed(), "the default seed is the one selection always used");
        assertEquals(7, selector(parse("seed: 7")).seed());
    }

    @Test
    void anotherRunSeedGivesOtherImportanceScores() throws Exception {
        Table features = features();
        Target target = target(features);
        List<Double> seed42 = scores(selector(parse("")).fit(features, target));
        List<Double> seed7 = scores(selector(parse("seed: 7")).fit(features, target));
        assertNotEquals(seed42, seed7, "the L1 model's row order, and so its weights, follow the seed");
    }

    private static List<Double> scores(ScoredSelector.Fitted ranking) {
        return ranking.scores().stream().map(ScoredSelector.Fitted.Score::score).toList();
    }

    /** Four noisy features; the class depends on the first two. */
    private static Table features() {
        Random random = new Random(1);
        Table t = Table.create("x");
        for (String name : List.of("a", "b", "c", "d")) {
            double[] v = new double[80];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            t.addColumns(DoubleColumn.create(name, v));
        }
        return t;
    }

    private static Target target(Table features) {
        String[] y = new String[features.rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = features.doubleColumn("a").get(i) + 0.5 * features.doubleColumn("b").get(i) > 0 ? "yes" : "no";
        }
        return Target.labels("y", y);
    }
}
