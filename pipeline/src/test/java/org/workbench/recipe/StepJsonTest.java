package org.workbench.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.training.AllSteps;
import org.workbench.core.InputException;
import org.workbench.features.DeriveColumns;
import org.workbench.features.FittedBins;
import org.workbench.features.FittedDateParts;
import org.workbench.features.FittedDerive;
import org.workbench.features.FittedFrequencyEncoder;
import org.workbench.features.FittedOneHotEncoder;
import org.workbench.features.FittedOrdinalEncoder;
import org.workbench.features.FittedPolynomial;
import org.workbench.features.FittedTargetEncoder;
import org.workbench.features.FittedTransforms;
import org.workbench.preprocessing.FittedDropColumns;
import org.workbench.preprocessing.FittedDropDuplicates;
import org.workbench.preprocessing.FittedImputer;
import org.workbench.preprocessing.FittedOutliers;
import org.workbench.preprocessing.FittedScaler;
import org.workbench.selection.FittedFeatureSelector;
import org.workbench.selection.FittedRanking;

class StepJsonTest {
    private static FittedRecipe oneOfEach() {
        return new FittedRecipe(List.of(
                new FittedDropColumns(List.of("Name")),
                new FittedImputer(5,
                        List.of(new FittedImputer.NumberFill("Age", "median", 28.0, 2)),
                        List.of(new FittedImputer.TextFill("Port", "most_frequent", "S", 1))),
                new FittedScaler("standard", List.of(new FittedScaler.ColumnScale("Age", "standard", 29.5, 14.25))),
                new FittedOneHotEncoder(List.of(new FittedOneHotEncoder.Levels("Port", List.of("C", "Q", "S")))),
                new FittedFeatureSelector(List.of("Age", "Port=C"), List.of("Port=Q", "Port=S")),
                new FittedDropDuplicates(10, 2),
                new FittedOutliers("iqr factor 1.5", "clip", 5, List.of(new FittedOutliers.Bounds("Age", -3, 60, 1)), 0),
                new FittedDateParts("", List.of(new FittedDateParts.Part("When", "year", 2020))),
                new FittedDerive(List.of(new DeriveColumns.Derived("Twice", "2 * Age"))),
                new FittedTransforms(List.of(new FittedTransforms.ColumnTransform("Age", "power", 0.5, 0))),
                new FittedBins(List.of(new FittedBins.Edges("Age", "quantile", List.of(20.0, 30.0)))),
                new FittedPolynomial(2, List.of("Age"), List.of(List.of("Age", "Age")), 1),
                new FittedOrdinalEncoder(List.of(new FittedOrdinalEncoder.Order("Port", "given", List.of("S", "C")))),
                new FittedFrequencyEncoder(List.of(new FittedFrequencyEncoder.Frequencies("Port", List.of("C"), List.of(0.5)))),
                new FittedTargetEncoder(10, 5, List.of("1"), List.of(0.4), List.of(new FittedTargetEncoder.Encoding(
                        "Port", List.of("C"), List.of(2), List.of(List.of(0.45))))),
                new FittedRanking("f_test", "F", List.of(new FittedRanking.Score("Age", 3.5, true, "")))));
    }

    @Test
    void everyStepTypeRoundTrips() {
        FittedRecipe recipe = oneOfEach();
        assertEquals(recipe, AllSteps.JSON.fromJson(AllSteps.JSON.toJson(recipe)));
        assertEquals(List.of("drop_columns", "drop_duplicates", "impute", "outliers", "scale", "dates", "derive",
                "transform", "bin", "polynomial", "onehot", "ordinal", "frequency", "target_encode", "select",
                "select_scored"), List.copyOf(AllSteps.JSON.types().keySet()));
    }

    @Test
    void eachStepIsTaggedByTypeAndShowsOnlyItsState() {
        String json = AllSteps.JSON.toJson(new FittedRecipe(List.of(new FittedDropColumns(List.of("Name", "Ticket")))));
        assertEquals("""
                {
                  "steps" : [ {
                    "type" : "drop_columns",
                    "columns" : [ "Name", "Ticket" ]
                  } ]
                }""", json);
        String all = AllSteps.JSON.toJson(oneOfEach());
        for (String type : AllSteps.JSON.types().keySet()) {
            assertTrue(all.contains("\"type\" : \"" + type + "\""), type);
        }
        assertTrue(all.contains("\"value\" : 28.0"));
        assertFalse(all.contains("summary"));
        assertFalse(all.contains("\"name\""));
    }

    @Test
    void nanAndInfinityRoundTrip() {
        FittedRecipe recipe = new FittedRecipe(List.of(
                new FittedScaler("minmax", List.of(new FittedScaler.ColumnScale("x", "minmax", Double.NaN, Double.POSITIVE_INFINITY))),
                new FittedImputer(0, List.of(new FittedImputer.NumberFill("y", "constant", Double.NEGATIVE_INFINITY, 0)),
                        List.of())));
        String json = AllSteps.JSON.toJson(recipe);
        assertTrue(json.contains("\"center\" : NaN"), json);
        FittedRecipe back = AllSteps.JSON.fromJson(json);
        assertEquals(recipe, back);
        FittedScaler.ColumnScale scale = ((FittedScaler) back.steps().get(0)).columns().get(0);
        assertTrue(Double.isNaN(scale.center()));
        assertEquals(Double.POSITIVE_INFINITY, scale.spread());
    }

    @Test
    void aStepKnowsOnlyTheTypesItWasGiven() {
        StepJson preprocessingOnly = StepJson.of(List.of(new StepJson.Type("drop_columns", FittedDropColumns.class)));
        FittedRecipe drop = new FittedRecipe(List.of(new FittedDropColumns(List.of("Name"))));
        assertEquals(AllSteps.JSON.toJson(drop), preprocessingOnly.toJson(drop));
        assertThrows(InputException.class, () -> preprocessingOnly.fromJson(AllSteps.JSON.toJson(oneOfEach())));
    }

    @Test
    void aTypeNameIsRegisteredOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepJson.of(
                List.of(new StepJson.Type("scale", FittedScaler.class)), List.of(new StepJson.Type("scale", FittedImputer.class))));
        assertEquals("fitted step type 'scale' is registered twice", e.getMessage());
    }

    @Test
    void anUnknownStepTypeIsAnInputError() {
        String json = "{\"steps\":[{\"type\":\"frobnicate\",\"columns\":[]}]}";
        InputException e = assertThrows(InputException.class, () -> AllSteps.JSON.fromJson(json));
        assertTrue(e.getMessage().startsWith("fitted recipe JSON: Could not resolve type id 'frobnicate'"), e.getMessage());
    }
}
