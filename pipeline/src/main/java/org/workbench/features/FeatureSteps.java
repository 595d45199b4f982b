package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;
import org.workbench.recipe.StepJson;

/**
 * Builds the feature-engineering recipe from its config section, in this order: date parts,
 * derived columns, transforms, bins, polynomial terms, then identifier-like text columns left out
 * (unless {@code keep_identifiers}), then the categorical encoders (per-column overrides first, then
 * the default encoding for the remaining categorical columns), then principal components and linear
 * discriminants when asked for.
 */
public final class FeatureSteps {
    /**
     * Every feature step type, once, by its fitted form: the JSON a bundle is written and read with
     * comes from this list, each type under its {@code @JsonTypeName} (never rename one).
     */
    public static final List<StepJson.Type> FITTED_TYPES = StepJson.typesOf(
            DateParts.Fitted.class,
            DeriveColumns.Fitted.class,
            MathTransform.Fitted.class,
            Binner.Fitted.class,
            PolynomialFeatures.Fitted.class,
            OneHotEncoder.Fitted.class,
            OrdinalEncoder.Fitted.class,
            FrequencyEncoder.Fitted.class,
            TargetEncoder.Fitted.class,
            Pca.Fitted.class,
            Lda.Fitted.class);

    private FeatureSteps() {
    }

    public static Recipe from(FeaturesConfig config) {
        return from(config, null);
    }

    /**
     * As above, with the preprocessing stage's scaler when it waits for this stage (null: it does not):
     * it runs right after the derived and transformed columns are made, so expressions and transforms
     * read the file's values and the new columns are scaled with the rest; bins, polynomial terms,
     * encoders and projections come after it, as they would after preprocessing.
     */
    public static Recipe from(FeaturesConfig config, Step deferredScaler) {
        List<Step> steps = new ArrayList<>();
        FeaturesConfig.Dates dates = config.dates();
        if (!dates.columns().isEmpty()) {
            steps.add(new DateParts(dates.columns(), dates.parts(), dates.format()));
        }
        if (!config.derive().isEmpty()) {
            steps.add(new DeriveColumns(config.derive()));
        }
        if (!config.transform().isEmpty()) {
            steps.add(new MathTransform(config.transform()));
        }
        if (deferredScaler != null) {
            steps.add(deferredScaler);
        }
        if (!config.bins().isEmpty()) {
            steps.add(new Binner(config.bins(), config.binMethod()));
        }
        FeaturesConfig.Polynomial p = config.polynomial();
        if (p.degree() >= 2) {
            steps.add(new PolynomialFeatures(p.degree(), p.columns(), p.interactionOnly()));
        }
        if (!config.keepIdentifiers()) {
            steps.add(new DropIdentifiers(List.copyOf(config.encodeColumns().keySet())));
        }
        for (String method : FeaturesConfig.ENCODINGS) {
            List<String> columns = config.encodeColumns().entrySet().stream()
                    .filter(e -> e.getValue().equals(method)).map(Map.Entry::getKey).toList();
            if (!columns.isEmpty() && !method.equals("none")) {
                steps.add(encoder(method, CategoricalColumns.only(columns), config));
            }
        }
        if (!config.encode().equals("none")) {
            List<String> overridden = List.copyOf(config.encodeColumns().keySet());
            steps.add(encoder(config.encode(), overridden.isEmpty() ? CategoricalColumns.ALL
                    : CategoricalColumns.except(overridden), config));
        }
        // projections last: they see the encoded columns, as a scikit-learn pipeline would
        if (config.pca() != null) {
            steps.add(config.pca());
        }
        if (config.lda() != null) {
            steps.add(config.lda());
        }
        return new Recipe(steps);
    }

    private static Step encoder(String method, CategoricalColumns columns, FeaturesConfig config) {
        return switch (method) {
            case "onehot" -> new OneHotEncoder(config.maxLevels(), config.minFrequency(), columns);
            case "ordinal" -> new OrdinalEncoder(config.ordinalOrder(), columns);
            case "frequency" -> new FrequencyEncoder(columns);
            case "target" -> new TargetEncoder(columns, config.target().folds(), config.target().smoothing(),
                    config.target().seed());
            default -> throw new IllegalArgumentException("unknown categorical encoding: " + method);
        };
    }
}
