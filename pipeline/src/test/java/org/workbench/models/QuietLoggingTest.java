package org.workbench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.workbench.data.Frame;
import org.workbench.data.Task;
import org.workbench.training.TrainedModel;
import org.workbench.training.TestTables;

/** Training prints nothing: progress output would drown the stage summaries. */
class QuietLoggingTest {
    @Test
    void libSvmTrainingWritesNothingToStdout() {
        Frame iris = TestTables.iris();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TrainedModel.train(ModelCatalog.spec("svm", Task.CLASSIFICATION), JsonNodeFactory.instance.objectNode(), 42,
                    iris.features(), iris.target());
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
