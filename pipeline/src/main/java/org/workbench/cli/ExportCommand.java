package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.workbench.core.InputException;
import org.workbench.deployment.Bundle;
import org.workbench.export.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a model bundle to another runtime: ONNX, one graph from the raw input columns (numbers as float,"
                + " categories as string) through the fitted recipe into the model. Exportable models: "
                + "logistic_regression, linear_svm, svm, linear_regression, least_squares, ridge, lasso, elastic_net.",
        footer = {"", "Example:",
                "  workbench export --model reports/titanic/20261126T101500Z/model.bundle --format onnx --output titanic.onnx"})
final class ExportCommand implements Callable<Integer> {
    /** The formats there are; picocli lists them in the help and refuses others. */
    enum Format { onnx }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "model.bundle from a run folder")
    Path model;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "FORMAT", description = "export format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "where to write the exported model, e.g. model.onnx")
    Path output;

    @Mixin
    OutputOptions options;

    @Override
    public Integer call() {
        PredictArguments.check(model, output); // before any reading
        Bundle bundle = Bundle.read(model);
        java.util.List<String> notes;
        try {
            notes = OnnxExport.write(bundle, output);
        } catch (InputException e) {
            throw new InputException(model + ": " + e.getMessage(), e); // which bundle could not be exported
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!options.quiet) {
            bundle.integrityWarning().ifPresent(w -> out.println("warning: " + w));
            notes.forEach(out::println);
            out.println("wrote " + output);
        }
        out.flush();
        return ErrorHandler.OK;
    }
}
