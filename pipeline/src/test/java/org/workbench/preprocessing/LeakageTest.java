package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.workbench.run.ConfigLoader;
import org.workbench.config.PipelineConfig;
import org.workbench.config.Yaml;
import org.workbench.stage.RunContext;
import org.workbench.data.Frame;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.recipe.FittedRecipe;
import org.workbench.training.Candidate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.workbench.collection.CollectionStage;

/**
 * Fitted statistics come from training rows only: an extreme value in a test row changes nothing, and
 * each cross-validation fold fits its own statistics on its own training part.
 */
class LeakageTest {
    private static final double NA = Double.NaN;

    private static PipelineConfig config() throws Exception {
        ObjectNode tree = (ObjectNode) Yaml.MAPPER.readTree("""
                problem: {target: y}
                data: {source: none.csv}
                preprocess:
                  impute: {numeric: median}
                  outliers: {method: iqr, factor: 1.5, action: clip}
                  scale: standard
                """);
        return ConfigLoader.parse(tree, Path.of("leak.yaml"));
    }

    private static Frame frame(double[] x, String... labels) {
        String[] c = new String[x.length];
        Arrays.fill(c, "k");
        return new Frame(Table.create("t", DoubleColumn.create("x", x), StringColumn.create("c", c)),
                Target.labels("y", labels));
    }

    /** Runs the preprocessing stage on these splits and returns what it fitted. */
    private static FittedRecipe preprocess(Frame train, Frame test) throws Exception {
        RunContext context = new RunContext(config());
        context.put(CollectionStage.RAW_TRAIN, train);
        context.put(CollectionStage.RAW_TEST, test);
        new PreprocessingStage().run(context);
        return context.get(PreprocessingStage.PREPROCESSED).fitted();
    }

    @Test
    void anExtremeTestValueLeavesTheFittedImputerBoundsAndScalerUnchanged() throws Exception {
        Frame train = frame(new double[] {1, 2, 3, 4, NA, 6}, "a", "b", "a", "b", "a", "b");
        FittedRecipe normal = preprocess(train, frame(new double[] {2, 5}, "a", "b"));
        FittedRecipe extreme = preprocess(train, frame(new double[] {1e12, NA}, "a", "b"));
        assertEquals(normal, extreme);

        // by hand: median of 1 2 3 4 6 is 3; filled 1 2 3 4 3 6; sorted 1 2 3 3 4 6:
        // q1 at position 1.25 = 2.25, q3 at 3.75 = 3.75, IQR 1.5, bounds [0, 6]; mean 19/6,
        // population variance (169 + 49 + 1 + 25 + 1 + 289) / 36 / 6 = 534 / 216
        Imputer.Fitted imputer = (Imputer.Fitted) extreme.steps().get(0);
        assertEquals(3.0, imputer.numeric().get(0).value());
        OutlierHandler.Fitted outliers = (OutlierHandler.Fitted) extreme.steps().get(1);
        assertEquals(new OutlierHandler.Fitted.Bounds("x", 0, 6, 0), outliers.columns().get(0));
        Scaler.Fitted.ColumnScale scale = ((Scaler.Fitted) extreme.steps().get(2)).columns().get(0);
        assertEquals(19.0 / 6, scale.center(), 1e-12);
        assertEquals(Math.sqrt(534.0 / 216), scale.spread(), 1e-12);
    }

    @Test
    void everyCrossValidationFoldFitsItsOwnStatistics() throws Exception {
        double[] x = {5, 1, NA, 9, 2, 8, 3, 7, 4, 6};
        String[] labels = {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b"};
        Frame all = frame(x, labels);
        Candidate candidate = Candidate.from(config(), Task.CLASSIFICATION, "baseline");
        Set<Double> means = new HashSet<>();
        for (Split fold : Splits.kFold(all.target(), 5, true, 42)) {
            FittedRecipe fitted = candidate.fit(all.subset(fold.train())).recipe();
            // by hand, on this fold's training rows only
            List<Double> present = new ArrayList<>();
            for (int row : fold.train()) {
                if (!Double.isNaN(x[row])) {
                    present.add(x[row]);
                }
            }
            present.sort(null);
            int n = present.size();
            double median = n % 2 == 1 ? present.get(n / 2) : (present.get(n / 2 - 1) + present.get(n / 2)) / 2;
            double sum = 0;
            for (int row : fold.train()) {
                sum += Double.isNaN(x[row]) ? median : x[row];
            }
            double mean = sum / fold.train().length;
            Imputer.Fitted imputer = (Imputer.Fitted) fitted.steps().get(0);
            Scaler.Fitted scaler = (Scaler.Fitted) fitted.steps().get(2);
            assertEquals(median, imputer.numeric().get(0).value(), 1e-12);
            assertEquals(mean, scaler.columns().get(0).center(), 1e-12);
            assertEquals(8, imputer.trainingRows());
            means.add(mean);
        }
        assertTrue(means.size() > 1, "folds fit different statistics: " + means);
    }
}
