package org.workbench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputsTest {
    @TempDir
    Path out;

    @Test
    void predictionsStartedBeforeTheBundleAreTheFileWrittenAtTheEnd() throws IOException {
        List<String> settings = List.of("evaluate.cv_folds=0", "evaluate.importance_repeats=0", "deploy.partial_dependence=0");
        // a whole run renders predictions.csv once tuning has run; a run that stops at the evaluation, at the end
        Runner.Outcome whole = Runner.run(ConfigLoader.load(Path.of("../configs/titanic.yaml"), settings), out.resolve("a"), null, r -> { });
        Runner.Outcome stopped = Runner.run(ConfigLoader.load(Path.of("../configs/titanic.yaml"), settings), out.resolve("b"), "evaluation",
                r -> { });
        assertArrayEquals(Files.readAllBytes(stopped.dir().resolve(RunOutputs.PREDICTIONS_CSV)),
                Files.readAllBytes(whole.dir().resolve(RunOutputs.PREDICTIONS_CSV)));
    }
}
