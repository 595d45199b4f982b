package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.recipe.Step;

class PreprocessingStepsTest {
    private static List<String> stepNames(PreprocessConfig config) {
        return PreprocessingSteps.from(config).steps().stream().map(Step::name).toList();
    }

    @Test
    void buildsDropImputeScaleInOrder() {
        var impute = new PreprocessConfig.Impute("median", "most_frequent", 0, "missing");
        var config = new PreprocessConfig(List.of("Name"), impute, "standard");
        assertEquals(List.of("drop_columns", "impute", "scale"), stepNames(config));
        assertEquals(new Imputer("median", "most_frequent", 0, "missing"), PreprocessingSteps.from(config).steps().get(1));
        assertEquals(new Scaler("standard"), PreprocessingSteps.from(config).steps().get(2));
    }

    @Test
    void leavesOutStepsConfiguredOff() {
        var noImpute = new PreprocessConfig.Impute("none", "none", 0, "missing");
        assertEquals(List.of(), stepNames(new PreprocessConfig(List.of(), noImpute, "none")));
        var someImpute = new PreprocessConfig.Impute("none", "constant", 0, "missing");
        assertEquals(List.of("impute", "scale"), stepNames(new PreprocessConfig(List.of(), someImpute, "minmax")));
    }
}
