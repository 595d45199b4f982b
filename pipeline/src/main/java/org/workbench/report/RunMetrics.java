package org.workbench.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.workbench.evaluation.DecisionThreshold;
import org.workbench.evaluation.EvaluationRecord;
import org.workbench.evaluation.FinalModel;
import org.workbench.stage.StageResult;
import org.workbench.tuning.TuningRecord;

/**
 * {@code metrics.json}, also the {@code metrics} block of {@code run.json}: only what is deterministic
 * (same config, data and seed give the same bytes). The evaluation stage's record; the tuning stage's
 * without its trial list ({@link TuningRecord#metrics()}); and {@code final}, the model the bundle holds
 * scored on the test rows with its threshold applied. A part is absent when its stage did not run.
 */
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunMetrics(EvaluationRecord evaluation, TuningRecord.Metrics tuning, @JsonProperty("final") Final finalModel) {

    /**
     * Which model, whether tuning adopted it, its threshold (null: the most probable class) and its test
     * metrics with the threshold applied.
     */
    @JsonPropertyOrder(alphabetic = true)
    public record Final(String model, boolean tuned, @JsonInclude(JsonInclude.Include.ALWAYS) Threshold threshold,
                        Map<String, Double> test) {
        public static Final of(FinalModel chosen) {
            DecisionThreshold t = chosen.threshold();
            return new Final(chosen.model(), chosen.tuned(),
                    t == null ? null : new Threshold(t.value(), t.positiveClass(), t.rule(), t.chosenOn()), chosen.test());
        }
    }

    /** The decision threshold on the positive class's probability, the rule that chose it and the rows it was chosen on. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record Threshold(double value, String positiveClass, String rule, String chosenOn) {
    }

    /** The numbers of the stages that measured something, and the final model when there is one. */
    public static RunMetrics of(List<StageResult> results, FinalModel chosen) {
        EvaluationRecord evaluation = null;
        TuningRecord.Metrics tuning = null;
        for (StageResult r : results) {
            if (r.data() instanceof EvaluationRecord e) {
                evaluation = e;
            } else if (r.data() instanceof TuningRecord t && t.skipped() == null) {
                tuning = t.metrics();
            }
        }
        return new RunMetrics(evaluation, tuning, chosen == null ? null : Final.of(chosen));
    }
}
