package org.workbench.stage;

import java.util.List;

/**
 * What a stage reports: a one-line summary, detail lines for the report, and its structured values
 * (numbers, fitted parameters) as the stage's own {@link StageRecord}, which goes into {@code run.json}.
 */
public record StageResult(String stage, String summary, List<String> details, StageRecord data, long millis,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          Boolean cached) {
    public StageResult {
        details = List.copyOf(details);
        java.util.Objects.requireNonNull(data, "data");
    }

    /** A result the stage made itself; {@code cached} is null (left out of run.json). */
    public StageResult(String stage, String summary, List<String> details, StageRecord data, long millis) {
        this(stage, summary, details, data, millis, null);
    }

    public static StageResult of(String stage, String summary, List<String> details, StageRecord data) {
        return new StageResult(stage, summary, details, data, 0);
    }

    public StageResult withMillis(long elapsed) {
        return new StageResult(stage, summary, details, data, elapsed, cached);
    }

    /**
     * Marks whether this result came from the stage cache (true) or was made by the stage while the
     * cache was in use (false); without a cache it stays null.
     */
    public StageResult withCached(boolean fromCache) {
        return new StageResult(stage, summary, details, data, millis, fromCache);
    }

    /** True only for a result restored from the stage cache. */
    public boolean fromCache() {
        return Boolean.TRUE.equals(cached);
    }

    /** The record as the stage's own type, when it is one; empty for another stage's record. */
    public <R extends StageRecord> java.util.Optional<R> data(Class<R> type) {
        return type.isInstance(data) ? java.util.Optional.of(type.cast(data)) : java.util.Optional.empty();
    }
}
