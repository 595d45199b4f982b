package org.workbench.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;

/** The dataset decision ({@link DriftRules}): which columns drifted, their share, and whether the predictions did. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Verdict(boolean drift, int columns, List<String> driftedColumns, List<String> moderateColumns, double share,
                      boolean predictionsDrifted, String summary) {

    public static Verdict of(List<ColumnDrift> columns, ColumnDrift predictions) {
        List<String> drifted = columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::name).toList();
        List<String> moderate = columns.stream().filter(c -> DriftRules.MODERATE.equals(c.status())).map(ColumnDrift::name).toList();
        double share = columns.isEmpty() ? 0 : drifted.size() / (double) columns.size();
        boolean predictionsDrifted = predictions != null && predictions.drifted();
        boolean drift = share >= DriftRules.DATASET_SHARE || predictionsDrifted;
        String summary = String.format(Locale.ROOT, "%s: %d of %d input columns drifted (%.0f%%; the rule is %.0f%%)%s%s; predictions %s",
                drift ? "DRIFT" : "no drift", drifted.size(), columns.size(), share * 100, DriftRules.DATASET_SHARE * 100,
                drifted.isEmpty() ? "" : " " + drifted, moderate.isEmpty() ? "" : ", moderate change in " + moderate,
                predictions == null ? "not compared" : predictions.status()
                        + (predictions.psi() == null ? "" : String.format(Locale.ROOT, " (PSI %.3f)", predictions.psi())));
        return new Verdict(drift, columns.size(), drifted, moderate, share, predictionsDrifted, summary);
    }
}
