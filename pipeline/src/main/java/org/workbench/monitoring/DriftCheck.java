package org.workbench.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.workbench.core.InputException;
import org.workbench.data.Labels;
import org.workbench.data.MetricNames;
import org.workbench.data.Predictions;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.Manifest;
import org.workbench.deployment.TrainingProfile;
import org.workbench.evaluation.Scoring;
import org.workbench.recipe.ApplyLog;
import org.workbench.table.CsvSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Compares a CSV of new rows with the training profile in a bundle: reads the rows as
 * {@code predict} does (the training types, markers and dialect), scores them with the bundle, then
 * scores every input column and the predictions ({@link DriftScores}), decides the {@link Verdict},
 * and, when the rows carry the target, compares the model's performance with its test score.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    /** The bundle's profile, or one line saying it has none and how to get a bundle that has one. */
    public static TrainingProfile profile(Bundle bundle, Path bundleFile) {
        if (bundle.profile() == null) {
            Manifest m = bundle.manifest();
            throw new InputException(bundleFile + ": this bundle has no training profile (it was written before drift checks"
                    + " existed); run its config again to write one that has: workbench run CONFIG.yaml (config '" + m.name()
                    + "', data " + m.dataFile() + ")");
        }
        return bundle.profile();
    }

    public static DriftResult check(Bundle bundle, Path bundleFile, Path input) {
        TrainingProfile profile = profile(bundle, bundleFile);
        Manifest m = bundle.manifest();
        List<String> header = CsvSource.header(m.dataConfig(input, Map.of()));
        Map<String, String> types = BatchScorer.inputTypes(m, input, header);
        Set<String> columns = new LinkedHashSet<>(types.keySet());
        boolean hasTarget = m.target() != null && header.contains(m.target()) && !"clustering".equals(m.task());
        if (hasTarget) {
            columns.add(m.target());
            String configured = m.config() == null ? "" : m.config().path("data").path("column_types").path(m.target()).asText("");
            if ("regression".equals(m.task())) {
                types.put(m.target(), "numeric");
            } else if (!configured.isEmpty()) {
                types.put(m.target(), configured);
            }
        }
        CsvSource.CsvRead read = CsvSource.loadForModel(m.dataConfig(input, types), columns);
        Table table = read.table();
        Table features = Table.create(table.name(), table.columns().stream().filter(c -> !c.name().equals(m.target()))
                .toArray(Column[]::new));
        ApplyLog log = new ApplyLog();
        Predictions predictions = bundle.predict(features, log);

        List<ColumnDrift> scored = new ArrayList<>();
        for (TrainingProfile.ColumnProfile c : profile.columns()) {
            scored.add(score(c.name(), c.distribution(), features.column(c.name())));
        }
        ColumnDrift predicted = predictions.labels() != null
                ? DriftScores.levels("predictions", profile.predictions(), predictions.labels())
                : DriftScores.numbers("predictions", profile.predictions(), predictions.values());
        Verdict verdict = Verdict.of(scored, predicted);

        List<String> notes = new ArrayList<>();
        read.warnings().forEach(w -> notes.add("warning: " + org.workbench.deployment.BatchScorer.forScoring(w.message(),
                bundle.manifest())));
        if (!log.isEmpty()) {
            notes.add("handled by the fitted steps: " + log);
        }
        Performance performance = null;
        if (hasTarget) {
            performance = performance(m, table.column(m.target()), predictions, notes);
        } else if (m.target() != null && !"clustering".equals(m.task())) {
            notes.add("no '" + m.target() + "' column: performance not compared (add the true values to compare it)");
        }
        return new DriftResult(bundleFile.toString(), input.toString(), m.name(), m.model(), m.task(), m.target(),
                table.rowCount(), profile.rows(), DriftRules.asMap(), DriftRules.describe(), List.copyOf(scored), predicted,
                verdict, performance, List.copyOf(notes));
    }

    /** One column of rows to score, against its training distribution. */
    public static ColumnDrift score(String name, TrainingProfile.Distribution train, Column<?> column) {
        if (column instanceof DoubleColumn d) {
            return DriftScores.numbers(name, train, d.asDoubleArray());
        }
        String[] values = new String[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.getString(i);
        }
        return DriftScores.levels(name, train, values);
    }

    /** Metrics on the rows with a (known) target, beside the bundle's test metrics. */
    private static Performance performance(Manifest m, Column<?> targetColumn, Predictions predictions, List<String> notes) {
        Task task = Task.valueOf(m.task().toUpperCase(Locale.ROOT));
        String metric = m.config() == null ? "" : m.config().path("problem").path("metric").asText("");
        if (metric.isEmpty() || MetricNames.AUTO.equals(metric)) {
            metric = MetricNames.defaultMetric(task);
        }
        Problem problem = new Problem(m.target(), task, metric, m.positiveClass(), m.classes(), m.model());
        int[] rows;
        Target truth;
        if (task == Task.REGRESSION) {
            double[] values = ((DoubleColumn) targetColumn).asDoubleArray();
            rows = IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i])).toArray();
            truth = Target.values(m.target(), IntStream.of(rows).mapToDouble(i -> values[i]).toArray());
        } else {
            String[] labels = Labels.of(targetColumn);
            int[] labelled = IntStream.range(0, labels.length).filter(i -> labels[i] != null).toArray();
            rows = IntStream.of(labelled).filter(i -> m.classes().contains(labels[i])).toArray();
            if (rows.length < labelled.length) {
                notes.add((labelled.length - rows.length) + " rows have a '" + m.target() + "' the model never saw (not one of "
                        + m.classes() + "): left out of the performance");
            }
            truth = Target.labels(m.target(), IntStream.of(rows).mapToObj(i -> labels[i]).toArray(String[]::new));
        }
        if (rows.length == 0) {
            notes.add("no row has a usable '" + m.target() + "' value: performance not compared");
            return null;
        }
        Map<String, Double> now = Scoring.headline(problem, truth, pick(predictions, rows), List.of());
        return Performance.of(metric, rows.length, now, m.testMetrics());
    }

    private static Predictions pick(Predictions p, int[] rows) {
        String[] labels = p.labels() == null ? null : IntStream.of(rows).mapToObj(i -> p.labels()[i]).toArray(String[]::new);
        double[][] probabilities = p.probabilities() == null ? null
                : IntStream.of(rows).mapToObj(i -> p.probabilities()[i]).toArray(double[][]::new);
        double[] values = p.values() == null ? null : IntStream.of(rows).mapToDouble(i -> p.values()[i]).toArray();
        return new Predictions(labels, probabilities, p.classes(), values);
    }
}
