package org.workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.workbench.core.Json;
import org.workbench.deployment.Bundle;
import org.workbench.monitoring.ColumnDrift;
import org.workbench.monitoring.DriftCheck;
import org.workbench.monitoring.DriftResult;
import org.workbench.report.DriftPage;
import org.workbench.run.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare new CSV rows with the training rows a model bundle was fitted on: per column PSI on the"
                + " training deciles, a two-sample test (Kolmogorov-Smirnov for numbers, chi-squared for categories), missing"
                + " share and unseen levels; the same for the predictions; a dataset verdict; and, when the rows carry the"
                + " target, performance now vs at training. Writes drift.json and drift.html.",
        footer = {"", "Exit codes: 0 checked (drift or not), 3 drift found with --fail-on-drift, 2 bad input, 1 internal error.",
                "", "Example:",
                "  workbench drift --model reports/titanic/20261126T101500Z/model.bundle --input june.csv --out drift-june"})
final class DriftCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "BUNDLE", description = "model.bundle from a run folder")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "new rows, with the training columns (the target is optional)")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "drift", description = "folder for drift.json and drift.html (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--fail-on-drift", description = "exit with code 3 when the verdict is drift (for CI or cron)")
    boolean failOnDrift;

    @Mixin
    OutputOptions options;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFolder(out, "--out");
        PredictArguments.check(model, null);
        SetUp.tables();
        Bundle bundle = Bundle.read(model);
        DriftResult result = DriftCheck.check(bundle, model, input);
        String json = Json.write(result) + "\n";
        Json.writeAtomically(out.resolve("drift.json"), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path html = DriftPage.write(out, result);

        PrintWriter stdout = spec.commandLine().getOut();
        for (String line : lines(result, options.quiet)) {
            stdout.println(line);
        }
        stdout.println("drift.json: " + out.resolve("drift.json"));
        stdout.println("drift.html: " + html);
        stdout.flush();
        return failOnDrift && result.verdict().drift() ? ErrorHandler.DRIFT : ErrorHandler.OK;
    }

    /** The terminal summary: what was compared, the verdict, the performance, and (unless quiet) the column table. */
    static List<String> lines(DriftResult r, boolean quiet) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "compared %d rows of %s with %d training rows (%s, %s)", r.rows(), r.input(),
                r.trainRows(), r.model(), r.task()));
        out.add(r.verdict().summary());
        if (r.performance() != null) {
            out.add(r.performance().summary());
        }
        if (quiet) {
            return out;
        }
        out.add("");
        int width = Math.max(12, r.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %-11s  %7s  %-26s  %-16s  %6s  %s";
        out.add(String.format(Locale.ROOT, format, "column", "type", "PSI", "test", "missing", "unseen", "status"));
        r.columns().forEach(c -> out.add(row(format, c)));
        out.add(row(format, r.predictions()));
        out.add("");
        out.add("rule: " + r.rule());
        r.notes().forEach(n -> out.add("note: " + n));
        return out;
    }

    private static String row(String format, ColumnDrift c) {
        String test = c.pValue() == null ? c.test() + " (too few rows)"
                : String.format(Locale.ROOT, "%s %.3f p=%s", c.test().equals("ks") ? "KS" : "chi2", c.statistic(),
                        c.pValue() < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", c.pValue()));
        String missing = String.format(Locale.ROOT, "%.1f%% -> %.1f%%", c.trainMissing() * 100, c.newMissing() * 100);
        String unseen = c.unseenShare() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", c.unseenShare() * 100);
        String psi = c.psi() == null ? "-" : String.format(Locale.ROOT, "%.4f", c.psi());
        return String.format(Locale.ROOT, format, c.name(), c.type(), psi, test, missing, unseen, c.status());
    }
}
