package org.workbench.recipe;

import java.util.ArrayList;
import java.util.List;
import org.workbench.core.InputException;
import org.workbench.data.Frame;

/**
 * An ordered list of unfitted steps, like scikit-learn's {@code Pipeline} before {@code fit}.
 * Each step is fitted on the training rows as the previous steps left them.
 */
public record Recipe(List<Step> steps) {
    public Recipe {
        steps = List.copyOf(steps);
    }

    /** Fits every step in order on the training rows; returns the fitted recipe and the rows it produced. */
    public Fit fit(Frame train) {
        List<FittedStep> fitted = new ArrayList<>();
        Frame current = train;
        boolean asApplied = true;
        String emptiedBy = null;
        for (Step step : steps) {
            if (rowsOf(current) == 0) {
                throw noRowsLeft("to fit step '" + step.name() + "' on", emptiedBy);
            }
            Step.Fit f;
            try {
                f = step.fitTransform(current);
            } catch (FeatureColumns.NameClash e) {
                throw e.madeBy(step.name());
            }
            if (rowsOf(f.train()) == 0) {
                emptiedBy = step.name();
            }
            if (!f.step().changesNothing()) {
                fitted.add(f.step());
            }
            current = f.train();
            asApplied &= f.asApplied();
        }
        if (emptiedBy != null) {
            throw noRowsLeft("to train on", emptiedBy);
        }
        return new Fit(new FittedRecipe(fitted), current, asApplied);
    }

    /** Counted on the target: a table whose columns were all dropped reports 0 rows. */
    private static int rowsOf(Frame frame) {
        return frame.target() == null ? frame.rows() : frame.target().size();
    }

    /** As scikit-learn: fitting on no rows is an error, never statistics of nothing. */
    private static InputException noRowsLeft(String what, String emptiedBy) {
        return new InputException("no training rows left " + what
                + (emptiedBy == null ? "" : ": step '" + emptiedBy + "' dropped all of them")
                + "; check the data and the settings that drop rows (preprocess.drop_duplicates,"
                + " preprocess.impute.columns with drop_rows, preprocess.outliers.action drop)");
    }

    public Recipe then(Recipe more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more.steps);
        return new Recipe(all);
    }

    /**
     * The fitted recipe and the training rows after it. These rows may differ from
     * {@code recipe.apply(train)}: steps may drop training rows or encode them out of fold;
     * {@code asApplied} is true when no step did.
     */
    public record Fit(FittedRecipe recipe, Frame train, boolean asApplied) {
    }
}
