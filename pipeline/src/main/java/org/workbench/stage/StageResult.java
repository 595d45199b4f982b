package org.workbench.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage reports: a one-line summary, detail lines for the report, and structured values
 * (numbers, fitted parameters) that go into {@code run.json}.
 */
public record StageResult(String stage, String summary, List<String> details, Map<String, Object> data,
                          long millis) {
    public StageResult {
        details = List.copyOf(details);
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static StageResult of(String stage, String summary, List<String> details, Map<String, Object> data) {
        return new StageResult(stage, summary, details, data, 0);
    }

    public StageResult withMillis(long elapsed) {
        return new StageResult(stage, summary, details, data, elapsed);
    }
}
