package org.workbench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code tune.lab:} section: the overfitting lab's curves, run by the tuning stage on the
 * training split (with or without a search). Each part is off unless configured.
 *
 * @param validationPath  config path swept by the validation curve, e.g. {@code train.params.max_depth}; null = no curve
 * @param validationValues the values swept, simplest first
 * @param learningSizes   shares of the training rows for the learning curve; empty = no curve
 * @param bootstrapRounds bias-variance rounds per swept value (regression only); 0 = off
 * @param leakage         compare the recipe fitted once on all training rows with the recipe refitted per fold
 * @param underfitShare   share of that room the training score must cover, or it is underfitting
 * @param stillRising     validation gain between a learning curve's last two sizes, as a share of that room,
 *                        from which more rows would still help
 */
public record LabConfig(int cvFolds, String validationPath, List<JsonNode> validationValues, List<Double> learningSizes,
                        int bootstrapRounds, double bootstrapHoldout, boolean leakage, double underfitShare,
                        double stillRising) {

    public static final List<Double> DEFAULT_SIZES = List.of(0.10, 0.33, 0.55, 0.78, 1.0);

    public static final List<Key> KEYS = List.of(
            Key.integer("cv_folds", 5, "folds for every lab curve (on the training split, recipe refitted per fold)"),
            Key.section("validation_curve", "sweep one config path: path, values"),
            Key.section("learning_curve", "score on growing shares of the training rows: enabled, sizes"),
            Key.section("bias_variance", "bootstrap estimate of bias^2 and variance per swept value (regression): rounds, holdout"),
            Key.bool("leakage", false, "also cross-validate with the recipe fitted once on all training rows, to show the leak"),
            Key.number("underfit_share", 0.50, "diagnosis: underfitting when the training score covers less than this share"
                    + " of the room between the baseline and a perfect score"),
            Key.number("still_rising", 0.01, "diagnosis: a learning curve is still improving when validation gained at"
                    + " least this share of the room between its last two sizes"));

    public static final List<Key> VALIDATION_KEYS = List.of(
            Key.string("path", null, "config path to sweep, e.g. train.params.max_depth"),
            Key.list("values", List.of(), "values to try, simplest model first"));

    public static final List<Key> LEARNING_KEYS = List.of(
            Key.bool("enabled", false, "draw the learning curve"),
            Key.list("sizes", DEFAULT_SIZES, "shares of the training rows (0 < x <= 1)"));

    public static final List<Key> BIAS_VARIANCE_KEYS = List.of(
            Key.integer("rounds", 0, "bootstrap re-trainings per value; 0 = off (regression only)"),
            Key.number("holdout", 0.25, "share of the training split held out to measure bias and variance on"));

    public static LabConfig off() {
        return new LabConfig(5, null, List.of(), List.of(), 0, 0.25, false, 0.50, 0.01);
    }

    public boolean any() {
        return validationPath != null || !learningSizes.isEmpty() || bootstrapRounds > 0 || leakage;
    }

    public static LabConfig parse(Section lab) {
        int folds = lab.integer("cv_folds");
        if (folds < 2) {
            throw new ConfigException(lab.join("cv_folds"), "expected at least 2 folds, got " + folds);
        }
        Section v = lab.section("validation_curve", VALIDATION_KEYS);
        String path = v.string("path");
        List<JsonNode> values = new ArrayList<>();
        JsonNode raw = v.raw("values");
        if (raw != null && !raw.isNull()) {
            if (!raw.isArray()) {
                throw new ConfigException(v.join("values"), "expected a list of values");
            }
            raw.forEach(values::add);
        }
        if (path != null && values.size() < 2) {
            throw new ConfigException(v.join("values"), "a validation curve needs at least 2 values for " + path);
        }
        if (path == null && !values.isEmpty()) {
            throw new ConfigException(v.join("path"), "values are given but no path to sweep, e.g. train.params.max_depth");
        }
        if (path != null && path.startsWith("tune.")) {
            throw new ConfigException(v.join("path"), "the tuning section itself cannot be swept");
        }
        Section l = lab.section("learning_curve", LEARNING_KEYS);
        boolean learning = l.bool("enabled");
        List<Double> sizes = new ArrayList<>();
        for (String s : l.strings("sizes")) {
            double x = parseShare(s, l.join("sizes"));
            sizes.add(x);
        }
        Section b = lab.section("bias_variance", BIAS_VARIANCE_KEYS);
        int rounds = b.integer("rounds");
        if (rounds < 0 || rounds == 1) {
            throw new ConfigException(b.join("rounds"), "expected 0 (off) or at least 2 rounds, got " + rounds);
        }
        double holdout = b.fraction("holdout", false);
        double share = lab.number("underfit_share");
        double rising = lab.number("still_rising");
        if (!(rising > 0 && rising < 1)) {
            throw new ConfigException(lab.join("still_rising"), "expected 0 < x < 1, got " + rising);
        }
        if (!(share > 0 && share < 1)) {
            throw new ConfigException(lab.join("underfit_share"), "expected 0 < x < 1, got " + share);
        }
        return new LabConfig(folds, path, List.copyOf(values), learning ? List.copyOf(sizes) : List.of(), rounds, holdout,
                lab.bool("leakage"), share, rising);
    }

    private static double parseShare(String s, String path) {
        try {
            double x = Double.parseDouble(s);
            if (x > 0 && x <= 1) {
                return x;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(path, "expected shares 0 < x <= 1, got " + s);
    }
}
