package org.workbench.preprocessing;

import java.util.List;
import java.util.Map;
import org.workbench.collection.CollectionStage;
import org.workbench.config.Key;
import org.workbench.core.Artifact;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;

/** Stage 3: drop columns and rows, fill missing values, handle outliers, scale numbers; fitted on training rows only. */
public final class PreprocessingStage extends RecipeStage {
    /** The splits after stage 3's steps, and those steps fitted. */
    public static final Artifact<Prepared> PREPROCESSED = new Artifact<>("preprocessed", Prepared.class, "preprocessing");

    public PreprocessingStage() {
        super(PreprocessingSteps.FITTED_TYPES, CollectionStage.RAW_TRAIN, CollectionStage.RAW_TEST, PREPROCESSED);
    }

    @Override
    public String name() {
        return "preprocessing";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        Map<String, List<Key>> keys = new java.util.LinkedHashMap<>();
        keys.put("preprocess", PreprocessConfig.KEYS);
        keys.put("preprocess.impute", PreprocessConfig.Impute.KEYS);
        keys.put("preprocess.outliers", PreprocessConfig.Outliers.KEYS);
        return keys;
    }

    @Override
    public String description() {
        return "drop columns and duplicate rows, impute missing values, handle outliers, scale numeric columns (fitted on the training split)";
    }

    @Override
    public Recipe steps(PipelineConfig config) {
        return PreprocessingSteps.from(config.section(PreprocessConfig.class), PreprocessingSteps.scalesAfterFeatures(config));
    }

    @Override
    protected String note(PipelineConfig config) {
        return PreprocessingSteps.scalesAfterFeatures(config) && PreprocessingSteps.scaler(config.section(PreprocessConfig.class)) != null
                ? "scale runs in the features stage, after features.derive / transform, so they read the file's values"
                : null;
    }

    /** Whether the scaler runs here depends on the features section too ({@link PreprocessingSteps#scalesAfterFeatures}). */
    @Override
    public List<String> keyPaths() {
        return List.of("features.derive", "features.transform", "preprocess");
    }
}
