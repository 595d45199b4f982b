package org.workbench.recipe;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.InputException;

/**
 * Fitted recipes as JSON, each step tagged with its type name, e.g.
 * {@code {"steps":[{"type":"impute","trainingRows":712,...},{"type":"onehot",...}]}}.
 * Reading the JSON back gives fitted steps equal to the written ones. NaN and infinities are
 * written as JSON numbers {@code NaN}/{@code Infinity} (a common JSON extension) and read back.
 */
public final class StepJson {
    /** The property naming each fitted step's registered type. */
    public static final String TYPE = "type";
    /** One fitted step type and the name written in its "type" property; step packages list theirs. */
    public record Type(String name, Class<? extends FittedStep> fitted) {
    }

    /**
     * The types of the given fitted records, each named by its {@code @JsonTypeName}: the one place a
     * step's saved name is written, so the registry, the JSON and {@link FittedStep#name()} agree.
     */
    @SafeVarargs
    public static List<Type> typesOf(Class<? extends FittedStep>... fitted) {
        return Arrays.stream(fitted).map(c -> new Type(typeName(c), c)).toList();
    }

    /** The {@code @JsonTypeName} of a fitted step class; a registered class without one is a programming error. */
    static String typeName(Class<?> fitted) {
        JsonTypeName name = fitted.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isEmpty()) {
            throw new IllegalStateException(fitted.getName() + " has no @JsonTypeName; bundles need one to save it");
        }
        return name.value();
    }

    /** Every fitted step type this instance knows, by type name, in registration order. */
    private final Map<String, Class<? extends FittedStep>> types;
    private final ObjectMapper mapper;

    private StepJson(Map<String, Class<? extends FittedStep>> types) {
        this.types = Collections.unmodifiableMap(types);
        this.mapper = JsonMapper.builder()
                .addMixIn(FittedStep.class, TaggedByType.class)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerSubtypes(types.entrySet().stream()
                        .map(e -> new NamedType(e.getValue(), e.getKey()))
                        .toArray(NamedType[]::new))
                .build();
    }

    /**
     * JSON for recipes made of the given step types. The step packages list their own types, so
     * this package never names a concrete step; a type name may be registered once only.
     */
    @SafeVarargs
    public static StepJson of(List<Type>... groups) {
        Map<String, Class<? extends FittedStep>> types = new LinkedHashMap<>();
        for (List<Type> group : groups) {
            for (Type type : group) {
                // one type in two groups is fine (the scaler a features stage may run); one name for two types is not
                Class<? extends FittedStep> known = types.putIfAbsent(type.name(), type.fitted());
                if (known != null && known != type.fitted()) {
                    throw new IllegalArgumentException("fitted step type '" + type.name() + "' is registered twice");
                }
            }
        }
        return new StepJson(types);
    }

    /** The registered fitted step types, by type name. */
    public Map<String, Class<? extends FittedStep>> types() {
        return types;
    }

    /** Adds the "type" property to every {@link FittedStep}, naming its registered subtype. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = TYPE)
    private interface TaggedByType {
    }

    public String toJson(FittedRecipe recipe) {
        try {
            return mapper.writeValueAsString(recipe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fitted recipe as JSON", e);
        }
    }

    /** The recipe as a JSON tree, for embedding in run records. */
    public com.fasterxml.jackson.databind.JsonNode toTree(FittedRecipe recipe) {
        return mapper.valueToTree(recipe);
    }

    /** Reads a fitted recipe; a damaged or foreign document is bad input. */
    public FittedRecipe fromJson(String json) {
        try {
            return mapper.readValue(json, FittedRecipe.class);
        } catch (JsonProcessingException e) {
            throw new InputException("fitted recipe JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""), e);
        }
    }
}
