package org.workbench.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import org.workbench.stage.StageRecord;

/**
 * What the definition stage records in {@code run.json}: the task, metric and algorithm; for
 * classification the target's classes (rows per class) and positive class; for clustering the optional
 * label column and its classes; the rows without a target; and what the pre-fit check found. Fields that
 * do not apply to the task are absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DefinitionRecord(String task, String target, String metric, String model, Map<String, Integer> classes,
                               String positiveClass, Integer targetMissing, String label, Map<String, Integer> labelClasses,
                               Integer labelMissing, PrefitCheck.Findings preflight) implements StageRecord {

    /** A supervised problem: classification ({@code classes} set) or regression ({@code classes} null). */
    static DefinitionRecord supervised(Problem problem, Map<String, Integer> classes, int targetMissing,
                                       PrefitCheck.Findings preflight) {
        return new DefinitionRecord(problem.task().label(), problem.target(), problem.metric(), problem.model(), classes,
                classes == null ? null : problem.positiveClass(), targetMissing, null, null, null, preflight);
    }

    /** A clustering problem, with its label column (null: none) and that column's classes. */
    static DefinitionRecord clustering(Problem problem, String label, Map<String, Integer> labelClasses, Integer labelMissing,
                                       PrefitCheck.Findings preflight) {
        return new DefinitionRecord(problem.task().label(), null, problem.metric(), problem.model(), null, null, null,
                label, labelClasses, labelMissing, preflight);
    }
}
