package org.workbench.features;

import java.util.List;
import java.util.Map;
import org.workbench.config.Key;
import org.workbench.core.Artifact;
import org.workbench.preprocessing.PreprocessingStage;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.RecipeStage;

/** Stage 4: derive new features and turn categorical columns into numbers the algorithms can use. */
public final class FeaturesStage extends RecipeStage {
    /** The splits after stages 3 and 4, and their steps fitted. */
    public static final Artifact<Prepared> ENGINEERED = new Artifact<>("engineered", Prepared.class, "features");

    public FeaturesStage() {
        // the preprocessing scaler is among this stage's types: it runs here when the stage derives or transforms columns
        super(withScaler(), org.workbench.preprocessing.PreprocessingSteps.FITTED_TYPES, PreprocessingStage.PREPROCESSED, ENGINEERED);
    }

    @Override
    public String name() {
        return "features";
    }

    private static List<org.workbench.recipe.StepJson.Type> withScaler() {
        List<org.workbench.recipe.StepJson.Type> types = new java.util.ArrayList<>(FeatureSteps.FITTED_TYPES);
        types.addAll(org.workbench.recipe.StepJson.typesOf(org.workbench.preprocessing.Scaler.Fitted.class));
        return List.copyOf(types);
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        Map<String, List<Key>> keys = new java.util.LinkedHashMap<>();
        keys.put("features", FeaturesConfig.KEYS);
        keys.put("features.target", FeaturesConfig.TargetEncoding.KEYS);
        keys.put("features.polynomial", FeaturesConfig.Polynomial.KEYS);
        keys.put("features.dates", FeaturesConfig.Dates.KEYS);
        keys.put("features.pca", FeaturesConfig.PCA_KEYS);
        keys.put("features.lda", FeaturesConfig.LDA_KEYS);
        return keys;
    }

    @Override
    public String description() {
        return "date parts, derived columns, transforms, bins, polynomial terms; encode categorical columns (one-hot, ordinal, frequency, out-of-fold target); principal components or linear discriminants";
    }

    @Override
    public Recipe steps(PipelineConfig config) {
        org.workbench.preprocessing.Scaler scaler = org.workbench.preprocessing.PreprocessingSteps.scalesAfterFeatures(config)
                ? org.workbench.preprocessing.PreprocessingSteps.scaler(config.section(org.workbench.preprocessing.PreprocessConfig.class))
                : null;
        return FeatureSteps.from(config.section(FeaturesConfig.class), scaler);
    }
}
