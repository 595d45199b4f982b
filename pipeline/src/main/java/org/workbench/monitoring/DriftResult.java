package org.workbench.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code workbench drift} decided, as written to drift.json (and rendered as drift.html):
 * per input column and for the predictions a {@link ColumnDrift}, the dataset {@link Verdict}, the
 * rules used, and the performance on rows with a target ({@code performance} null without one).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DriftResult(String bundle, String input, String name, String model, String task, String target,
                          int rows, int trainRows, Map<String, Double> rules, String rule, List<ColumnDrift> columns,
                          ColumnDrift predictions, Verdict verdict, Performance performance, List<String> notes) {
}
