package org.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.workbench.core.InputException;
import org.workbench.deployment.DeploymentStage;
import org.workbench.run.OutputPaths;

/** What can be wrong with predict's paths, reported before the bundle is read or a row scored. */
final class PredictArguments {
    private PredictArguments() {
    }

    static void check(Path model, Path output) {
        if (output != null) {
            OutputPaths.requireWritableFile(output, "--output");
        }
        if (Files.isDirectory(model)) {
            throw new InputException("--model " + model + ": is a folder; give a run's model.bundle, e.g. "
                    + model.resolve(DeploymentStage.BUNDLE_FILE));
        }
    }
}
