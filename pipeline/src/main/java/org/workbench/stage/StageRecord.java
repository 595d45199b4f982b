package org.workbench.stage;

/**
 * What one stage recorded for {@code run.json}: a record owned by the stage's own package
 * ({@code EvaluationRecord}, {@code TuningRecord}, ...), written by Jackson with snake_case names in
 * alphabetical order and read back as the same type, so a renamed field is a compile error in every
 * reader instead of an empty chart.
 */
public interface StageRecord {
}
