package org.workbench.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theScalerWaitsForDerivedColumnsAndTheCacheKeyKnows() {
        java.nio.file.Path titanic = java.nio.file.Path.of("../configs/titanic.yaml");
        org.workbench.config.PipelineConfig plain = org.workbench.run.ConfigLoader.load(titanic, List.of("preprocess.scale=standard"));
        org.workbench.config.PipelineConfig derived = org.workbench.run.ConfigLoader.load(titanic,
                List.of("preprocess.scale=standard", "features.derive={F: \"SibSp + Parch\"}"));
        assertFalse(PreprocessingSteps.scalesAfterFeatures(plain));
        assertTrue(PreprocessingSteps.scalesAfterFeatures(derived));
        PreprocessingStage stage = new PreprocessingStage();
        assertTrue(stage.steps(plain).steps().stream().anyMatch(s -> s instanceof Scaler));
        assertFalse(stage.steps(derived).steps().stream().anyMatch(s -> s instanceof Scaler));
        // a stored preprocessing result that scaled must not serve a run whose features stage scales
        assertNotEquals(org.workbench.stage.StageCache.stageKey("base", stage, plain),
                org.workbench.stage.StageCache.stageKey("base", stage, derived));
    }
}
