package org.workbench.preprocessing;

import java.util.ArrayList;
import java.util.List;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;
import org.workbench.recipe.StepJson;

/**
 * Builds the preprocessing recipe from its config section, in this order: drop listed columns,
 * drop constant columns, drop duplicate training rows, impute, handle outliers, scale.
 */
public final class PreprocessingSteps {
    /** The fitted preprocessing step types with the names saved bundles know them by (never rename one). */
    public static final List<StepJson.Type> FITTED_TYPES = List.of(
            new StepJson.Type("drop_columns", FittedDropColumns.class),
            new StepJson.Type("drop_duplicates", FittedDropDuplicates.class),
            new StepJson.Type("impute", FittedImputer.class),
            new StepJson.Type("outliers", FittedOutliers.class),
            new StepJson.Type("scale", FittedScaler.class));

    private PreprocessingSteps() {
    }

    /** The ordered steps; a step configured off is left out. */
    public static Recipe from(PreprocessConfig config) {
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
        Scaler scaler = new Scaler(config.scale(), config.scaleColumns());
        if (!scaler.scalesNothing()) {
            steps.add(scaler);
        }
        return new Recipe(steps);
    }
}
