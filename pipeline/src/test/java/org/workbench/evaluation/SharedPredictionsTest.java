package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Chunked predictions, shared by two threads, equal predicting all rows at once, row for row. */
class SharedPredictionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"logistic_regression", "xgboost", "decision_tree"})
    void sameAsOnePrediction(String algorithm) {
        int n = 2 * SharedPredictions.CHUNK_ROWS + 123; // three chunks, the last one short
        Random random = new Random(5);
        double[] a = new double[n];
        double[] b = new double[n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
            labels[i] = a[i] + 0.5 * b[i] + 0.3 * random.nextGaussian() > 0 ? "yes" : "no";
        }
        Table features = Table.create("rows", DoubleColumn.create("a", a), DoubleColumn.create("b", b));
        TrainedModel.Fit fit = TrainedModel.fit(ModelCatalog.spec(algorithm, Task.CLASSIFICATION),
                JsonNodeFactory.instance.objectNode(), 3L, features, Target.labels("y", labels));

        Predictions whole = fit.model().predict(features);
        Predictions shared = SharedPredictions.start(fit.model(), fit.rows(), org.workbench.core.StageProgress.SILENT).finish();
        assertEquals(n, shared.size());
        assertArrayEquals(whole.labels(), shared.labels());
        assertEquals(whole.classes(), shared.classes());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(whole.probabilities()[i], shared.probabilities()[i], 0.0, "row " + i);
        }
    }
}
