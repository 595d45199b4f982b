package org.workbench.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.tribuo.Trainer;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.data.Task;

/**
 * One algorithm of the catalog: its name, the task it solves, a sentence for students, its
 * documented parameters and how to build a Tribuo trainer from them.
 */
public record ModelSpec(String name, Task task, String explanation, List<Key> params, TrainerFactory factory,
                        FeatureCheck check, Probabilities probabilities) {

    /** Config path under which parameters are given, used in every error message. */
    public static final String PARAMS_PATH = "train.params";

    /**
     * Builds a trainer from validated parameters and the shape of the training data. Step sizes of
     * gradient methods are given relative to the target's scale; some defaults depend on the number
     * of features (the RBF kernel's gamma) or rows (the ridge penalty).
     */
    @FunctionalInterface
    public interface TrainerFactory {
        Trainer<?> build(Section params, long seed, Shape data);
    }

    /**
     * What a trainer may need to know about its data: rows, feature columns, and the root mean
     * square of a regression target (1 for classification).
     */
    public record Shape(int rows, int features, double targetScale) {
        /** The shape used to check parameters before any data is at hand. */
        public static final Shape UNKNOWN = new Shape(1, 1, 1.0);
    }

    /** A condition the processed features must meet for this algorithm; throws InputException otherwise. */
    @FunctionalInterface
    public interface FeatureCheck {
        FeatureCheck NONE = (name, values) -> { };

        void check(String feature, double[] values);
    }

    /**
     * Whether a classifier with these (validated) parameters gives class probabilities, known before
     * any fit so that a threshold rule that needs them is refused before training.
     * {@code ModelCatalogTest} holds every declaration against what a fitted model really gives.
     */
    @FunctionalInterface
    public interface Probabilities {
        Probabilities ALWAYS = params -> true;
        Probabilities NEVER = params -> false;

        boolean given(Section params);
    }

    public ModelSpec {
        params = List.copyOf(params);
    }

    public ModelSpec(String name, Task task, String explanation, List<Key> params, TrainerFactory factory,
                     FeatureCheck check) {
        this(name, task, explanation, params, factory, check, Probabilities.ALWAYS);
    }

    public ModelSpec(String name, Task task, String explanation, List<Key> params, TrainerFactory factory) {
        this(name, task, explanation, params, factory, FeatureCheck.NONE);
    }

    /** The same algorithm, declaring when it gives class probabilities. */
    ModelSpec withProbabilities(Probabilities when) {
        return new ModelSpec(name, task, explanation, params, factory, check, when);
    }

    /** Whether a classifier with these parameters gives class probabilities (see {@link Probabilities}). */
    public boolean givesProbabilities(JsonNode params) {
        return task == Task.CLASSIFICATION && probabilities.given(section(params));
    }

    /**
     * A new trainer for each call: Tribuo trainers keep a random generator that advances with every
     * fit, so reusing one would make refits differ.
     *
     * @throws org.workbench.config.ConfigException for an unknown parameter, a wrong type or a value out of range
     */
    public Trainer<?> trainer(JsonNode params, long seed) {
        return trainer(params, seed, Shape.UNKNOWN);
    }

    /**
     * As {@link #trainer(JsonNode, long)}, for data of the given shape; a regression target's scale
     * is its root mean square. AdaGrad moves each weight by about one learning rate per step whatever the gradient's
     * size, so without this a target in the hundred thousands could never be reached.
     */
    public Trainer<?> trainer(JsonNode params, long seed, Shape data) {
        if (!(data.targetScale() > 0) || Double.isInfinite(data.targetScale())) {
            throw new IllegalArgumentException("target scale must be positive, got " + data.targetScale());
        }
        return factory.build(section(params), seed, data);
    }

    /** Every parameter with the given value or its default, in documented order: what a run records. */
    public ObjectNode resolvedParams(JsonNode params) {
        Section section = section(params);
        for (Key key : this.params) {
            switch (key.kind()) {
                case INTEGER -> section.integer(key.name());
                case NUMBER -> section.number(key.name());
                case BOOLEAN -> section.bool(key.name());
                case CHOICE -> section.choice(key.name());
                case STRING -> section.string(key.name());
                default -> throw new IllegalStateException("unsupported parameter kind " + key.kind());
            }
        }
        factory.build(section, 0L, Shape.UNKNOWN); // range checks
        return section.resolved();
    }

    private Section section(JsonNode params) {
        if (this.params.isEmpty() && params != null && params.isObject() && params.size() > 0) {
            String first = params.fieldNames().next();
            throw new ConfigException(PARAMS_PATH + "." + first, "unknown key; '" + name + "' takes no parameters");
        }
        return new Section(params, PARAMS_PATH, this.params);
    }
}
