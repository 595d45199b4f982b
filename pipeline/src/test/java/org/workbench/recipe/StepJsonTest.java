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
import org.workbench.features.Binner;
import org.workbench.features.DateParts;
import org.workbench.features.FrequencyEncoder;
import org.workbench.features.OneHotEncoder;
import org.workbench.features.OrdinalEncoder;
import org.workbench.features.PolynomialFeatures;
import org.workbench.features.TargetEncoder;
import org.workbench.features.MathTransform;
import org.workbench.preprocessing.DropColumns;
import org.workbench.preprocessing.DropDuplicateRows;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.OutlierHandler;
import org.workbench.preprocessing.Scaler;
import org.workbench.selection.FeatureSelector;
import org.workbench.selection.ScoredSelector;

class StepJsonTest {
    private static FittedRecipe oneOfEach() {
        return new FittedRecipe(List.of(
                new DropColumns.Fitted(List.of("Name")),
                new Imputer.Fitted(5,
                        List.of(new Imputer.Fitted.NumberFill("Age", "median", 28.0, 2)),
                        List.of(new Imputer.Fitted.TextFill("Port", "most_frequent", "S", 1)), List.of(), 0),
                new Scaler.Fitted("standard", List.of(new Scaler.Fitted.ColumnScale("Age", "standard", 29.5, 14.25))),
                new OneHotEncoder.Fitted(List.of(new OneHotEncoder.Fitted.Levels("Port", List.of("C", "Q", "S")))),
                new FeatureSelector.Fitted(List.of("Age", "Port=C"), List.of("Port=Q", "Port=S")),
                new DropDuplicateRows.Fitted(10, 2),
                new OutlierHandler.Fitted("iqr factor 1.5", "clip", 5, List.of(new OutlierHandler.Fitted.Bounds("Age", -3, 60, 1)), 0),
                new DateParts.Fitted("", List.of(new DateParts.Fitted.Part("When", "year", 2020))),
                new DeriveColumns.Fitted(List.of(new DeriveColumns.Derived("Twice", "2 * Age"))),
                new MathTransform.Fitted(List.of(new MathTransform.Fitted.ColumnTransform("Age", "power", 0.5, 0))),
                new Binner.Fitted(List.of(new Binner.Fitted.Edges("Age", "quantile", List.of(20.0, 30.0)))),
                new PolynomialFeatures.Fitted(2, List.of("Age"), List.of(List.of("Age", "Age")), 1),
                new OrdinalEncoder.Fitted(List.of(new OrdinalEncoder.Fitted.Order("Port", "given", List.of("S", "C")))),
                new FrequencyEncoder.Fitted(List.of(new FrequencyEncoder.Fitted.Frequencies("Port", List.of("C"), List.of(0.5)))),
                new TargetEncoder.Fitted(10, 5, List.of("1"), List.of(0.4), List.of(new TargetEncoder.Fitted.Encoding(
                        "Port", List.of("C"), List.of(2), List.of(List.of(0.45))))),
                new ScoredSelector.Fitted("f_test", "F", List.of(new ScoredSelector.Fitted.Score("Age", 3.5, true, "")))));
    }

    @Test
    void everyStepTypeRoundTrips() {
        FittedRecipe recipe = oneOfEach();
        assertEquals(recipe, AllSteps.JSON.fromJson(AllSteps.JSON.toJson(recipe)));
        // saved bundles know the steps by these names: new steps may come, none of these may go
        assertTrue(AllSteps.JSON.types().keySet().containsAll(List.of("drop_columns", "drop_duplicates", "impute",
                "outliers", "scale", "dates", "derive", "transform", "bin", "polynomial", "onehot", "ordinal", "frequency",
                "target_encode", "select", "select_scored")), AllSteps.JSON.types().keySet().toString());
    }

    @Test
    void eachStepIsTaggedByTypeAndShowsOnlyItsState() {
        String json = AllSteps.JSON.toJson(new FittedRecipe(List.of(new DropColumns.Fitted(List.of("Name", "Ticket")))));
        assertEquals("""
                {
                  "steps" : [ {
                    "type" : "drop_columns",
                    "columns" : [ "Name", "Ticket" ]
                  } ]
                }""", json);
        String all = AllSteps.JSON.toJson(oneOfEach());
        for (FittedStep step : oneOfEach().steps()) {
            assertTrue(all.contains("\"type\" : \"" + StepJson.typeName(step.getClass()) + "\""), step.name());
        }
        assertTrue(all.contains("\"value\" : 28.0"));
        assertFalse(all.contains("summary"));
        assertFalse(all.contains("\"name\""));
    }

    @Test
    void nanAndInfinityRoundTrip() {
        FittedRecipe recipe = new FittedRecipe(List.of(
                new Scaler.Fitted("minmax", List.of(new Scaler.Fitted.ColumnScale("x", "minmax", Double.NaN, Double.POSITIVE_INFINITY))),
                new Imputer.Fitted(0, List.of(new Imputer.Fitted.NumberFill("y", "constant", Double.NEGATIVE_INFINITY, 0)),
                        List.of(), List.of(), 0)));
        String json = AllSteps.JSON.toJson(recipe);
        assertTrue(json.contains("\"center\" : NaN"), json);
        FittedRecipe back = AllSteps.JSON.fromJson(json);
        assertEquals(recipe, back);
        Scaler.Fitted.ColumnScale scale = ((Scaler.Fitted) back.steps().get(0)).columns().get(0);
        assertTrue(Double.isNaN(scale.center()));
        assertEquals(Double.POSITIVE_INFINITY, scale.spread());
    }

    @Test
    void aStepKnowsOnlyTheTypesItWasGiven() {
        StepJson preprocessingOnly = StepJson.of(StepJson.typesOf(DropColumns.Fitted.class));
        FittedRecipe drop = new FittedRecipe(List.of(new DropColumns.Fitted(List.of("Name"))));
        assertEquals(AllSteps.JSON.toJson(drop), preprocessingOnly.toJson(drop));
        assertThrows(InputException.class, () -> preprocessingOnly.fromJson(AllSteps.JSON.toJson(oneOfEach())));
    }

    @Test
    void aTypeNameIsRegisteredOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepJson.of(
                List.of(new StepJson.Type("scale", Scaler.Fitted.class)), List.of(new StepJson.Type("scale", Imputer.Fitted.class))));
        assertEquals("fitted step type 'scale' is registered twice", e.getMessage());
    }

    @Test
    void aTypeIsNamedByItsJsonTypeNameAndSoIsItsStep() {
        assertEquals(List.of(new StepJson.Type("scale", Scaler.Fitted.class), new StepJson.Type("select_scored",
                ScoredSelector.Fitted.class)), StepJson.typesOf(Scaler.Fitted.class, ScoredSelector.Fitted.class));
        assertEquals("scale", new Scaler.Fitted("standard", List.of()).name());
        // a step may name itself otherwise in summaries: scored selection says which method
        assertEquals("select_f_test", new ScoredSelector.Fitted("f_test", "F", List.of()).name());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StepJson.typesOf(BoardingTime.Fitted.class));
        assertEquals("org.workbench.recipe.BoardingTime$Fitted has no @JsonTypeName; bundles need one to save it",
                e.getMessage());
    }

    @Test
    void anUnknownStepTypeIsAnInputError() {
        String json = "{\"steps\":[{\"type\":\"frobnicate\",\"columns\":[]}]}";
        InputException e = assertThrows(InputException.class, () -> AllSteps.JSON.fromJson(json));
        assertTrue(e.getMessage().startsWith("fitted recipe JSON: Could not resolve type id 'frobnicate'"), e.getMessage());
    }
}
