package org.workbench.run;

import org.workbench.config.PipelineConfig;
import org.workbench.stage.Pipeline;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The engine of this JVM: the nine stages of {@link Workbench}, the files of {@link RunOutputs}. */
final class LocalEngine implements Engine {
    static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pipeline pipeline(PipelineConfig config) {
        return Workbench.pipeline();
    }

    @Override
    public void write(Path dir, RunContext context, List<StageResult> results, Instant started, Instant finished) {
        RunOutputs.write(dir, context, results, started, finished);
    }

    @Override
    public RunWriter writer(Path dir, RunContext context) {
        return new RunOutputs.Writer(dir, context);
    }

    @Override
    public List<String> modelLines(String task) {
        return List.of(); // the command line prints the catalog itself
    }
}
