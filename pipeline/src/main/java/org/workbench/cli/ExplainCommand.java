package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workbench.core.InputException;
import org.workbench.deployment.Bundle;
import org.workbench.explanation.Explainer;
import org.workbench.explanation.ExplanationCsv;
import org.workbench.explanation.ExplanationJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a bundle's predictions row by row: which raw columns pushed each prediction up or down, and by how much."
                + " Reads the same input as predict. Exact for linear models, tree SHAP for XGBoost, an estimate for the rest.",
        footer = {"", "Example:",
                "  workbench explain --model reports/titanic/20261126T101500Z/model.bundle --input passengers.csv --top 3"})
final class ExplainCommand implements Callable<Integer> {
    /** The output formats; picocli lists them in the help and refuses others. */
    enum Format { csv, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "model.bundle from a run folder")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "rows to explain, with a header line")
    Path input;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "columns shown per row, largest first (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--output", paramLabel = "FILE", description = "where to write the explanations (default: print them)")
    Path output;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    OutputOptions options;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new InputException("--top " + top + ": give at least 1 column per row");
        }
        PredictArguments.check(model, output); // before any reading or scoring
        SetUp.tables();
        Bundle bundle = Bundle.read(model);
        Explainer.Result result = Explainer.explain(bundle, input, top);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null) {
            if (format == Format.json) {
                ExplanationJson.write(output, result);
            } else {
                ExplanationCsv.write(output, result, top);
            }
            if (!options.quiet) {
                result.notes().forEach(out::println);
                out.println("explanations: " + output);
            }
        } else {
            out.print(format == Format.json ? ExplanationJson.render(result) : ExplanationCsv.render(result, top));
            if (!options.quiet) {
                result.notes().forEach(n -> err.println("note: " + n));
            }
        }
        out.flush();
        return ErrorHandler.OK;
    }
}
