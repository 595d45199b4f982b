package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.workbench.recipe.Recipe;
import org.workbench.recipe.Step;
import org.workbench.recipe.StepJson;

/**
 * Builds the feature-engineering recipe from its config section, in this order: date parts,
 * derived columns, transforms, bins, polynomial terms, then the categorical encoders (per-column
 * overrides first, then the default encoding for the remaining categorical columns).
 */
public final class FeatureSteps {
    /** The fitted feature step types with the names saved bundles know them by (never rename one). */
    public static final List<StepJson.Type> FITTED_TYPES = List.of(
            new StepJson.Type("dates", FittedDateParts.class),
            new StepJson.Type("derive", FittedDerive.class),
            new StepJson.Type("transform", FittedTransforms.class),
            new StepJson.Type("bin", FittedBins.class),
            new StepJson.Type("polynomial", FittedPolynomial.class),
            new StepJson.Type("onehot", FittedOneHotEncoder.class),
            new StepJson.Type("ordinal", FittedOrdinalEncoder.class),
            new StepJson.Type("frequency", FittedFrequencyEncoder.class),
            new StepJson.Type("target_encode", FittedTargetEncoder.class));

    private FeatureSteps() {
    }

    public static Recipe from(FeaturesConfig config) {
        List<Step> steps = new ArrayList<>();
        FeaturesConfig.Dates dates = config.dates();
        if (!dates.columns().isEmpty()) {
            steps.add(new DateParts(dates.columns(), dates.parts(), dates.format()));
        }
        if (!config.derive().isEmpty()) {
            steps.add(new DeriveColumns(config.derive()));
        }
        if (!config.transform().isEmpty()) {
            steps.add(new Transformer(config.transform()));
        }
        if (!config.bins().isEmpty()) {
            steps.add(new Binner(config.bins(), config.binMethod()));
        }
        FeaturesConfig.Polynomial p = config.polynomial();
        if (p.degree() >= 2) {
            steps.add(new PolynomialFeatures(p.degree(), p.columns(), p.interactionOnly()));
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
        return new Recipe(steps);
    }

    private static Step encoder(String method, CategoricalColumns columns, FeaturesConfig config) {
        return switch (method) {
            case "onehot" -> new OneHotEncoder(config.maxLevels(), columns);
            case "ordinal" -> new OrdinalEncoder(config.ordinalOrder(), columns);
            case "frequency" -> new FrequencyEncoder(columns);
            case "target" -> new TargetEncoder(columns, config.target().folds(), config.target().smoothing(),
                    config.target().seed());
            default -> throw new IllegalArgumentException("unknown categorical encoding: " + method);
        };
    }
}
