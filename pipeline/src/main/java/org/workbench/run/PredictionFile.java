package org.workbench.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.stage.RunContext;
import org.workbench.data.Target;
import org.workbench.data.Predictions;
import org.workbench.data.Split;
import org.workbench.deployment.PredictionsCsv;
import org.workbench.evaluation.FinalModel;
import org.workbench.collection.CollectionStage;

/**
 * A run's {@code predictions.csv}: the final model's prediction for every row with a target, as the
 * bundle would make it from the raw row, with the row's split and true value.
 */
record PredictionFile(int[] rowNumbers, Predictions predictions, Map<String, String[]> extra, double[] truthValues,
                      int[] testIndices) {

    static PredictionFile of(RunContext context) {
        Target all = context.get(CollectionStage.TARGETS);
        Split split = context.get(CollectionStage.SPLIT);
        String[] splitNames = new String[all.size()];
        Arrays.fill(splitNames, "train");
        for (int i : split.test()) {
            splitNames[i] = "test";
        }
        String[] truth = all.isCategorical() ? all.labels()
                : Arrays.stream(all.values()).mapToObj(PredictionsCsv::number).toArray(String[]::new);
        Map<String, String[]> extra = new LinkedHashMap<>();
        extra.put("split", splitNames);
        extra.put("truth", truth);
        double[] truthValues = all.isCategorical() ? null : all.values();
        return new PredictionFile(context.get(CollectionStage.ROW_NUMBERS), predictions(context, split), extra, truthValues,
                split.test());
    }

    /**
     * The final model's predictions, each row predicted once: the test rows as the final model was
     * scored on them, the training rows from the evaluation when they are what the bundle gives for
     * the raw rows, else by replaying the final model on the raw training rows.
     */
    private static Predictions predictions(RunContext context, Split split) {
        FinalModel chosen = FinalModel.find(context).orElseThrow(() -> new IllegalStateException(
                "no final model: the evaluation stage must run first"));
        Predictions train = chosen.trainingPredictions(context.get(CollectionStage.RAW_TRAIN));
        // the final model's test predictions cover every test row: no step drops a test row
        return Predictions.merge(split, train, chosen.testPredictions());
    }

    /** The file's label columns (prediction, truth) for the test rows, when they are labels: for the report. */
    Map<String, String[]> testText() {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (predictions.labels() != null) {
            out.put("prediction", pick(predictions.labels()));
        }
        if (truthValues == null) {
            out.put("truth", pick(extra.get("truth")));
        }
        return out;
    }

    /** The file's number columns (prob_&lt;class&gt;, or prediction and truth) for the test rows: for the report. */
    Map<String, double[]> testNumbers() {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (predictions.hasProbabilities()) {
            for (int c = 0; c < predictions.classes().size(); c++) {
                double[] column = new double[testIndices.length];
                for (int i = 0; i < column.length; i++) {
                    column[i] = predictions.probabilities()[testIndices[i]][c];
                }
                out.put("prob_" + predictions.classes().get(c), column);
            }
        }
        if (predictions.values() != null) {
            out.put("prediction", pick(predictions.values()));
        }
        if (truthValues != null) {
            out.put("truth", pick(truthValues));
        }
        return out;
    }

    /** The test rows' cells; a missing one is "", as the file writes it. */
    private String[] pick(String[] all) {
        String[] out = new String[testIndices.length];
        for (int i = 0; i < out.length; i++) {
            String cell = all[testIndices[i]];
            out[i] = cell == null ? "" : cell;
        }
        return out;
    }

    private double[] pick(double[] all) {
        double[] out = new double[testIndices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[testIndices[i]];
        }
        return out;
    }

    /** The file's bytes, in parts. */
    List<byte[]> chunks() {
        return PredictionsCsv.chunks(rowNumbers, predictions, extra);
    }
}
