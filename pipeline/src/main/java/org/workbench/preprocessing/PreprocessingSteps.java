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
