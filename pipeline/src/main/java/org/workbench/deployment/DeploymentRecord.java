package org.workbench.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.workbench.stage.StageRecord;

/**
 * What the deployment stage records in {@code run.json}: the bundle's file name and size and the input
 * columns it needs, and the partial-dependence curves {@code deploy.partial_dependence} asks for (absent
 * when it is 0); or only {@code skipped} when {@code deploy.bundle} is false.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentRecord(String file, Long bytes, List<String> requiredColumns, Boolean skipped,
                               List<PartialDependence> partialDependence) implements StageRecord {

    static DeploymentRecord wrote(String file, long bytes, List<String> requiredColumns, List<PartialDependence> curves) {
        return new DeploymentRecord(file, bytes, requiredColumns, null, curves);
    }

    static DeploymentRecord skippedRun() {
        return new DeploymentRecord(null, null, null, true, null);
    }
}
