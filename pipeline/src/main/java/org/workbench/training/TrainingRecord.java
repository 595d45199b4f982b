package org.workbench.training;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.workbench.stage.StageRecord;

/**
 * What the training stage records in {@code run.json}: the algorithm, its parameters with every default
 * filled in (as the catalog resolves them, so JSON), and the rows and features it was trained on.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
public record TrainingRecord(String model, JsonNode params, int rows, int features) implements StageRecord {
}
