package org.workbench.recipe;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.workbench.core.InputException;
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

/**
 * Fitted recipes as JSON, each step tagged with its type name, e.g.
 * {@code {"steps":[{"type":"impute","trainingRows":712,...},{"type":"onehot",...}]}}.
 * Reading the JSON back gives fitted steps equal to the written ones. NaN and infinities are
 * written as JSON numbers {@code NaN}/{@code Infinity} (a common JSON extension) and read back.
 */
public final class StepJson {
    /** Every fitted step type by the name written in its "type" property. */
    private static final Map<String, Class<? extends FittedStep>> TYPES = orderedTypes();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addMixIn(FittedStep.class, TaggedByType.class)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerSubtypes(namedTypes())
            .build();

    private StepJson() {
    }

    private static Map<String, Class<? extends FittedStep>> orderedTypes() {
        Map<String, Class<? extends FittedStep>> types = new LinkedHashMap<>();
        types.put("drop_columns", FittedDropColumns.class);
        types.put("drop_duplicates", FittedDropDuplicates.class);
        types.put("impute", FittedImputer.class);
        types.put("outliers", FittedOutliers.class);
        types.put("scale", FittedScaler.class);
        types.put("dates", FittedDateParts.class);
        types.put("derive", FittedDerive.class);
        types.put("transform", FittedTransforms.class);
        types.put("bin", FittedBins.class);
        types.put("polynomial", FittedPolynomial.class);
        types.put("onehot", FittedOneHotEncoder.class);
        types.put("ordinal", FittedOrdinalEncoder.class);
        types.put("frequency", FittedFrequencyEncoder.class);
        types.put("target_encode", FittedTargetEncoder.class);
        types.put("select", FittedFeatureSelector.class);
        types.put("select_scored", FittedRanking.class);
        return Collections.unmodifiableMap(types);
    }

    private static NamedType[] namedTypes() {
        return TYPES.entrySet().stream()
                .map(e -> new NamedType(e.getValue(), e.getKey()))
                .toArray(NamedType[]::new);
    }

    /** The registered fitted step types, by type name. */
    public static Map<String, Class<? extends FittedStep>> types() {
        return TYPES;
    }

    /** Adds the "type" property to every {@link FittedStep}, naming its registered subtype. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface TaggedByType {
    }

    public static String toJson(FittedRecipe recipe) {
        try {
            return MAPPER.writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fitted recipe as JSON", e);
        }
    }

    /** The recipe as a JSON tree, for embedding in run records. */
    public static com.fasterxml.jackson.databind.JsonNode toTree(FittedRecipe recipe) {
        return MAPPER.valueToTree(recipe);
    }

    /** Reads a fitted recipe; a damaged or foreign document is bad input. */
    public static FittedRecipe fromJson(String json) {
        try {
            return MAPPER.readValue(json, FittedRecipe.class);
        } catch (JsonProcessingException e) {
            throw new InputException("fitted recipe JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""), e);
        }
    }
}
