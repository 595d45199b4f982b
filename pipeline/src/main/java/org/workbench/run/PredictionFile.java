package org.workbench.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.RunContext;
import org.workbench.data.Frame;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.evaluation.Evaluation;
import org.workbench.recipe.ApplyLog;

/**
 * A run's {@code predictions.csv}: the final model's prediction for every row with a target, as the
 * bundle would make it from the raw row, with the row's split and true value.
 */
record PredictionFile(int[] rowNumbers, Predictions predictions, Map<String, String[]> extra, int[] testIndices) {

    static PredictionFile of(RunContext context) {
        Frame all = context.get(Artifacts.ALL_ROWS);
        Split split = context.get(Artifacts.SPLIT);
        String[] splitNames = new String[all.rows()];
        Arrays.fill(splitNames, "train");
        for (int i : split.test()) {
            splitNames[i] = "test";
        }
        String[] truth = all.target().isCategorical() ? all.target().labels()
                : Arrays.stream(all.target().values()).mapToObj(Double::toString).toArray(String[]::new);
        Map<String, String[]> extra = new LinkedHashMap<>();
        extra.put("split", splitNames);
        extra.put("truth", truth);
        return new PredictionFile(context.get(Artifacts.ROW_NUMBERS), predictions(context, all, split), extra, split.test());
    }

    /**
     * The evaluation already scored both splits with this model; its predictions are reused when they
     * are what the bundle would predict: the model was not replaced by tuning, and the training rows
     * it scored are the recipe applied to the raw rows (no row dropped, nothing encoded out of fold).
     */
    private static Predictions predictions(RunContext context, Frame all, Split split) {
        Evaluation evaluation = context.find(Artifacts.EVALUATION).orElse(null);
        boolean reusable = evaluation != null && evaluation.trainPredictions() != null
                && !FinalModel.isTuned(context) && context.find(Artifacts.TRAIN_AS_APPLIED).orElse(false)
                && evaluation.trainPredictions().size() == split.train().length
                && evaluation.testPredictions().size() == split.test().length;
        if (reusable) {
            return Predictions.merge(split, evaluation.trainPredictions(), evaluation.testPredictions());
        }
        return context.get(Artifacts.MODEL).predict(context.get(Artifacts.FITTED_RECIPE).apply(all.features(), new ApplyLog()));
    }

    List<String> header() {
        return PredictionsCsv.header(predictions, extra);
    }

    /** The test split's rows as the file holds them: what the report's curves are drawn from. */
    List<String[]> testRows() {
        List<String[]> rows = new ArrayList<>(testIndices.length);
        for (int i : testIndices) {
            rows.add(PredictionsCsv.cells(rowNumbers, predictions, extra, i));
        }
        return rows;
    }

    void write(Path file) {
        PredictionsCsv.write(file, rowNumbers, predictions, extra);
    }
}
