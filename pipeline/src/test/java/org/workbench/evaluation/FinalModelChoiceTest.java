package org.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workbench.stage.RunContext;

/** One accessor decides which model is final: the adopted one when tuning adopted a setting, else the evaluated one. */
class FinalModelChoiceTest {
    private static FinalModel model(String name, boolean tuned) {
        return new FinalModel(name, tuned, null, null, null, null, null, null, null, Map.of("accuracy", tuned ? 0.9 : 0.8));
    }

    @Test
    void noneBeforeTheEvaluation() {
        assertTrue(FinalModel.find(new RunContext(null)).isEmpty());
    }

    @Test
    void theEvaluatedModelUnlessTuningAdoptedOne() {
        RunContext context = new RunContext(null);
        FinalModel evaluated = model("logistic_regression", false);
        context.put(EvaluationStage.EVALUATED_MODEL, evaluated);
        assertSame(evaluated, FinalModel.find(context).orElseThrow());

        FinalModel adopted = model("decision_tree", true);
        context.put(FinalModel.ADOPTED_MODEL, adopted);
        assertSame(adopted, FinalModel.find(context).orElseThrow());
        // adopting does not overwrite: the evaluated model is still there, as it was
        assertSame(evaluated, context.get(EvaluationStage.EVALUATED_MODEL));
        assertEquals(0.8, context.get(EvaluationStage.EVALUATED_MODEL).test().get("accuracy"));
    }
}
