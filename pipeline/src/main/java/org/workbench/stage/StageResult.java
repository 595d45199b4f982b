package org.workbench.stage;

import java.util.List;

/**
 * What a stage reports: a one-line summary, detail lines for the report, and its structured values
 * (numbers, fitted parameters) as the stage's own {@link StageRecord}, which goes into {@code run.json}.
 */
public record StageResult(String stage, String summary, List<String> details, StageRecord data, long millis) {
    public StageResult {
        details = List.copyOf(details);
        java.util.Objects.requireNonNull(data, "data");
    }

    public static StageResult of(String stage, String summary, List<String> details, StageRecord data) {
        return new StageResult(stage, summary, details, data, 0);
    }

    public StageResult withMillis(long elapsed) {
        return new StageResult(stage, summary, details, data, elapsed);
    }

    /** The record as the stage's own type, when it is one; empty for another stage's record. */
    public <R extends StageRecord> java.util.Optional<R> data(Class<R> type) {
        return type.isInstance(data) ? java.util.Optional.of(type.cast(data)) : java.util.Optional.empty();
    }
}
