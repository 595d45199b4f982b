package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.workbench.config.PipelineConfig;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;
import org.workbench.recipe.StepJson;

/**
 * Builds the preprocessing recipe from its config section, in this order: drop listed columns,
 * drop constant columns, drop duplicate training rows, impute, handle outliers, scale. Scaling waits
 * for the features stage when that derives or transforms columns ({@link #scalesAfterFeatures}).
 */
public final class PreprocessingSteps {
    /**
     * Every preprocessing step type, once, by its fitted form: the JSON a bundle is written and read with
     * comes from this list, each type under its {@code @JsonTypeName} (never rename one).
     */
    public static final List<StepJson.Type> FITTED_TYPES = StepJson.typesOf(
            DropColumns.Fitted.class,
            DropDuplicateRows.Fitted.class,
            Imputer.Fitted.class,
            OutlierHandler.Fitted.class,
            Scaler.Fitted.class);

    private PreprocessingSteps() {
    }

    /**
     * True when the config's features stage derives columns from expressions or transforms them
     * ({@code features.derive}, {@code features.transform}): those must read the file's values, not
     * standardised ones ({@code "a / b"} of two z-scores, or log1p of one, means nothing), so the
     * scaler runs in the features stage, after them ({@code FeatureSteps}), and not here.
     */
    public static boolean scalesAfterFeatures(PipelineConfig config) {
        com.fasterxml.jackson.databind.JsonNode features = config.resolved().path("features");
        return !features.path("derive").isEmpty() || !features.path("transform").isEmpty();
    }

    /** The configured scaler, or null when it scales nothing. */
    public static Scaler scaler(PreprocessConfig config) {
        Scaler scaler = new Scaler(config.scale(), config.scaleColumns());
        return scaler.scalesNothing() ? null : scaler;
    }

    /** The ordered steps; a step configured off is left out. */
    public static Recipe from(PreprocessConfig config) {
        return from(config, false);
    }

    /** As above; with {@code scaleLater} the scaler is left to the features stage. */
    public static Recipe from(PreprocessConfig config, boolean scaleLater) {
        List<Step> steps = new ArrayList<>();
        if (!config.drop().isEmpty()) {
            steps.add(new DropColumns(config.drop()));
        }
        if (config.dropConstant()) {
            steps.add(new DropConstantColumns());
        }
        if (config.dropDuplicates()) {
            steps.add(new DropDuplicateRows());
        }
        Imputer imputer = Imputer.from(config.impute());
        if (!imputer.fillsNothing()) {
            steps.add(imputer);
        }
        PreprocessConfig.Outliers o = config.outliers();
        if (!o.method().equals("none")) {
            steps.add(new OutlierHandler(o.method(), o.factor(), o.threshold(), o.action(), o.columns()));
        }
        Scaler scaler = scaler(config);
        if (scaler != null && !scaleLater) {
            steps.add(scaler);
        }
        return new Recipe(steps);
    }
}
