package org.workbench.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.data.Predictions;
import org.workbench.deployment.TrainingProfile;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The last {@code window} scored rows of a running model, compared with the bundle's training
 * profile by the same scores and rules as {@code workbench drift}. {@link #observe} only copies the
 * rows' raw values and predictions into ring buffers (cheap per row, any number of threads);
 * {@link #snapshot} copies the window under the same lock and scores it outside it.
 */
public final class RollingMonitor {
    private final TrainingProfile profile;
    private final int window;
    private final List<String> names;
    private final Object[] columns; // per profile column: double[] (numbers) or String[] (categories)
    private final double[] predictedValues;
    private final String[] predictedLabels;
    private long observed;
    private int next;

    public RollingMonitor(TrainingProfile profile, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a drift window needs at least 2 rows; got " + window);
        }
        this.profile = profile;
        this.window = window;
        this.names = profile.columns().stream().map(TrainingProfile.ColumnProfile::name).toList();
        this.columns = new Object[names.size()];
        for (int c = 0; c < names.size(); c++) {
            columns[c] = profile.columns().get(c).distribution().numeric() ? new double[window] : new String[window];
        }
        boolean numericPredictions = profile.predictions().numeric();
        this.predictedValues = numericPredictions ? new double[window] : null;
        this.predictedLabels = numericPredictions ? null : new String[window];
    }

    /** A monitor over the bundle's training profile; empty for a bundle written before profiles existed. */
    public static java.util.Optional<RollingMonitor> of(org.workbench.deployment.Bundle bundle, int window) {
        return bundle.profile() == null ? java.util.Optional.empty() : java.util.Optional.of(new RollingMonitor(bundle.profile(), window));
    }

    public int window() {
        return window;
    }

    /**
     * Records scored rows: {@code rawRows} as the bundle read them (every profile column present, of
     * the training type) and their predictions, row for row.
     */
    public void observe(Table rawRows, Predictions predictions) {
        int n = rawRows.rowCount();
        if (predictions.size() != n) {
            throw new IllegalArgumentException(n + " rows but " + predictions.size() + " predictions");
        }
        if ((predictions.labels() == null) != (predictedLabels == null)) {
            throw new IllegalArgumentException("predictions of another kind than the training profile's");
        }
        // read the columns before taking the lock: the lock only guards the copy
        Object[] incoming = new Object[names.size()];
        for (int c = 0; c < names.size(); c++) {
            Column<?> column = rawRows.column(names.get(c));
            if (columns[c] instanceof double[]) {
                incoming[c] = ((DoubleColumn) column).asDoubleArray();
            } else {
                String[] text = new String[n];
                for (int i = 0; i < n; i++) {
                    text[i] = column.getString(i);
                }
                incoming[c] = text;
            }
        }
        int from = Math.max(0, n - window); // only the last window rows of a big batch can stay
        synchronized (this) {
            for (int i = from; i < n; i++) {
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c] instanceof double[] numbers) {
                        numbers[next] = ((double[]) incoming[c])[i];
                    } else {
                        ((String[]) columns[c])[next] = ((String[]) incoming[c])[i];
                    }
                }
                if (predictedValues != null) {
                    predictedValues[next] = predictions.values()[i];
                } else {
                    predictedLabels[next] = predictions.labels()[i];
                }
                next = (next + 1) % window;
            }
            observed += n;
        }
    }

    /** The scores of the rows in the window now; with no row yet, every column stable and untested. */
    public Snapshot snapshot() {
        int rows;
        long total;
        Object[] copies = new Object[columns.length];
        Object predictionsCopy;
        synchronized (this) {
            total = observed;
            rows = (int) Math.min(observed, window);
            for (int c = 0; c < columns.length; c++) {
                copies[c] = columns[c] instanceof double[] numbers ? lastNumbers(numbers, rows) : lastText((String[]) columns[c], rows);
            }
            predictionsCopy = predictedValues != null ? lastNumbers(predictedValues, rows) : lastText(predictedLabels, rows);
        }
        List<ColumnDrift> scored = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            TrainingProfile.Distribution train = profile.columns().get(c).distribution();
            scored.add(copies[c] instanceof double[] numbers ? DriftScores.numbers(names.get(c), train, numbers)
                    : DriftScores.levels(names.get(c), train, (String[]) copies[c]));
        }
        ColumnDrift predicted = predictionsCopy instanceof double[] values
                ? DriftScores.numbers("predictions", profile.predictions(), values)
                : DriftScores.levels("predictions", profile.predictions(), (String[]) predictionsCopy);
        return new Snapshot(window, rows, total, List.copyOf(scored), predicted, Verdict.of(scored, predicted));
    }

    /** The newest {@code rows} entries, oldest first (order does not change a score; it keeps copies comparable). */
    private double[] lastNumbers(double[] ring, int rows) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = ring[Math.floorMod(next - rows + i, window)];
        }
        return out;
    }

    private String[] lastText(String[] ring, int rows) {
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = ring[Math.floorMod(next - rows + i, window)];
        }
        return out;
    }

    /**
     * The window's scores: {@code rows} in the window (at most {@code window}), {@code observed}
     * since the monitor started, per column and for the predictions a {@link ColumnDrift}, and the verdict.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Snapshot(int window, int rows, long observed, List<ColumnDrift> columns, ColumnDrift predictions,
                           Verdict verdict) {

        /** Column name to its scores, in profile order. */
        public Map<String, ColumnDrift> byName() {
            Map<String, ColumnDrift> out = new LinkedHashMap<>();
            columns.forEach(c -> out.put(c.name(), c));
            return out;
        }
    }
}
