package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.PredictionsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score raw CSV rows with a model bundle. The input needs the training columns (the target may be absent); output: row, prediction (the class, value or cluster) and class probabilities.",
        footer = {"", "Example:",
                "  workbench predict --model reports/titanic/20261126T101500Z/model.bundle --input passengers.csv --output scored.csv"})
final class PredictCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "model.bundle from a run folder")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "rows to score, with a header line")
    Path input;

    @Option(names = "--output", paramLabel = "CSV", description = "where to write predictions (default: print them)")
    Path output;

    @Mixin
    OutputOptions options;

    @Override
    public Integer call() {
        org.workbench.run.Engine engine = org.workbench.run.Engines.forModelFolder(model);
        if (engine != null) {
            // a model folder another engine saved (model.spark/): that engine scores the rows, into a folder of files
            if (output == null) {
                throw new org.workbench.core.InputException("--output: a " + engine.name() + " model writes its predictions as a"
                        + " folder of part files; name the folder, e.g. --output scored");
            }
            String where = engine.predict(model, input, output);
            if (!options.quiet) {
                spec.commandLine().getOut().println(where);
                spec.commandLine().getOut().flush();
            }
            return ErrorHandler.OK;
        }
        PredictArguments.check(model, output); // before any reading or scoring
        SetUp.tables();
        Bundle bundle = Bundle.read(model);
        BatchScorer.Result result = BatchScorer.score(bundle, input);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null) {
            PredictionsCsv.write(output, result.rowNumbers(), result.predictions());
            if (!options.quiet) {
                result.notes().forEach(n -> out.println(n));
                out.println("predictions: " + output);
            }
        } else {
            out.print(PredictionsCsv.render(result.rowNumbers(), result.predictions(), java.util.Map.of()));
            if (!options.quiet) {
                result.notes().forEach(n -> err.println("note: " + n));
            }
        }
        out.flush();
        return ErrorHandler.OK;
    }
}
