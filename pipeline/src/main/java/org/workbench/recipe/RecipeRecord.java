package org.workbench.recipe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.stage.StageRecord;

/**
 * What a step stage (preprocessing, features, selection) records in {@code run.json}: its fitted steps
 * as {@link StepJson} writes them ({@code {"steps": [{"type": ..., ...}]}}: each step's own state, so
 * it stays JSON), the feature count before and after, the training rows it was fitted on, the training
 * rows left when a step dropped some, and what applying it to the test split did.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipeRecord(FittedSteps steps, int featuresIn, int featuresOut, int fittedOnRows, Integer trainingRowsOut,
                           Map<String, Long> testNotes) implements StageRecord {

    /** The fitted steps in order, each its own JSON state with its {@code type}. */
    public record FittedSteps(List<ObjectNode> steps) {
        static FittedSteps of(JsonNode recipe) {
            List<ObjectNode> steps = new ArrayList<>();
            recipe.get("steps").forEach(s -> steps.add((ObjectNode) s));
            return new FittedSteps(steps);
        }

        /** A step's registered type name ({@link StepJson}), or "step" when it has none. */
        public static String type(ObjectNode step) {
            JsonNode type = step.get(StepJson.TYPE);
            return type == null || !type.isTextual() ? "step" : type.asText();
        }
    }
}
