package org.workbench.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code features:} section: date parts, derived columns, transforms, bins, polynomial terms
 * and how categorical columns become numbers.
 */
public record FeaturesConfig(String encode, Map<String, String> encodeColumns, int maxLevels, double minFrequency,
                             boolean keepIdentifiers, Map<String, List<String>> ordinalOrder, TargetEncoding target,
                             List<DeriveColumns.Derived> derive, Map<String, String> transform,
                             Map<String, Integer> bins, String binMethod, Polynomial polynomial, Dates dates,
                             Pca pca, Lda lda) {
    public static final List<String> ENCODINGS = List.of("onehot", "ordinal", "frequency", "target", "none");
    /**
     * One-hot keeps at most this many levels per column by default: enough for any real category
     * (countries, products), while a code column of thousands of levels stays a few hundred features.
     */
    public static final int MAX_LEVELS = 100;

    /** Only an encoding, every other option off (all levels, identifier-like columns kept). */
    public FeaturesConfig(String encode) {
        this(encode, Map.of(), 0, 0, true, Map.of(), TargetEncoding.DEFAULT, List.of(), Map.of(), Map.of(), "quantile",
                Polynomial.OFF, Dates.NONE);
    }

    /** Without a projection ({@code pca} and {@code lda} off). */
    public FeaturesConfig(String encode, Map<String, String> encodeColumns, int maxLevels, double minFrequency,
                          boolean keepIdentifiers, Map<String, List<String>> ordinalOrder, TargetEncoding target,
                          List<DeriveColumns.Derived> derive, Map<String, String> transform,
                          Map<String, Integer> bins, String binMethod, Polynomial polynomial, Dates dates) {
        this(encode, encodeColumns, maxLevels, minFrequency, keepIdentifiers, ordinalOrder, target, derive, transform, bins,
                binMethod, polynomial, dates, null, null);
    }

    /** The {@code features.pca:} section; present means on. */
    public static final List<Key> PCA_KEYS = List.of(
            Key.number("components", 0.95, "an integer >= 1: that many components; a share of the variance in (0, 1), e.g."
                    + " 0.95: the fewest components that keep more of it"),
            Key.bool("whiten", false, "divide each component by its standard deviation (variance 1)"),
            Key.list("columns", List.of(), "numeric columns to project (default: all); the others pass through"));

    /** The {@code features.lda:} section; present means on (classification only). */
    public static final List<Key> LDA_KEYS = List.of(
            Key.integer("components", 0, "number of discriminants, at most classes - 1 (0 = classes - 1)"),
            Key.list("columns", List.of(), "numeric columns to project (default: all); the others pass through"));

    /** The {@code features.target:} section; {@code seed} is the run's seed, which cuts the out-of-fold split. */
    public record TargetEncoding(int folds, double smoothing, long seed) {
        static final TargetEncoding DEFAULT = new TargetEncoding(5, 10.0, 42);
        public static final List<Key> KEYS = List.of(
                Key.integer("folds", 5, "training rows are target-encoded out of fold with this many folds (no leak)"),
                Key.number("smoothing", 10.0, "weight of the overall mean: (sum + smoothing x prior) / (count + smoothing)"));
    }

    /** The {@code features.polynomial:} section. */
    public record Polynomial(int degree, List<String> columns, boolean interactionOnly) {
        static final Polynomial OFF = new Polynomial(1, List.of(), false);
        public static final List<Key> KEYS = List.of(
                Key.integer("degree", 1, "add products of numeric columns up to this degree (1 = off); the feature count is reported"),
                Key.list("columns", List.of(), "numeric columns to combine (default: all)"),
                Key.bool("interaction_only", false, "only products of different columns (a*b, not a^2)"));
    }

    /** The {@code features.dates:} section. */
    public record Dates(List<String> columns, List<String> parts, String format) {
        static final Dates NONE = new Dates(List.of(), List.of("year", "month", "dayofweek", "hour"), "");
        public static final List<Key> KEYS = List.of(
                Key.list("columns", List.of(), "date/time text columns to split into numeric parts (the raw column is dropped)"),
                Key.list("parts", List.of("year", "month", "dayofweek", "hour"), "parts to extract: " + DateParts.PARTS),
                Key.string("format", "", "java DateTimeFormatter pattern, e.g. dd/MM/yyyy; month and day names in English"
                        + " (default: ISO dates and date-times)"));
    }

    public static final List<Key> KEYS = List.of(
            Key.choice("encode", "onehot", ENCODINGS, "categorical encoding: onehot (unseen -> all zeros, counted), ordinal"
                    + " (given order or by frequency; unseen -> -1), frequency (training share), target (smoothed target"
                    + " mean, out of fold), none"),
            Key.map("encode_columns", "per-column encoding overriding encode, e.g. {Sex: onehot, Ticket: target}"),
            Key.integer("max_levels", MAX_LEVELS, "onehot: keep the most frequent levels only; rarer ones share <column>=other (0 = all)"),
            Key.number("min_frequency", 0, "onehot: levels seen in fewer training rows share <column>=other; an integer is a"
                    + " count (e.g. 5), a number below 1 a share of the training rows (e.g. 0.01); 0 = off"),
            Key.bool("keep_identifiers", false, "keep identifier-like text columns (>= 95% distinct values, the collection"
                    + " warning) as features; by default they are left out, except columns named in encode_columns"),
            Key.map("ordinal_order", "ordinal: explicit level order per column, e.g. {size: [S, M, L]}"),
            Key.section("target", "target encoding: folds, smoothing (the out-of-fold split follows seed)"),
            Key.map("derive", "new numeric columns from expressions (exp4j), e.g. {FamilySize: \"SibSp + Parch + 1\"}"),
            Key.map("transform", "per-column transform: log1p, sqrt or power (Yeo-Johnson, lambda fitted on training rows)"),
            Key.map("bins", "per-column number of bins, e.g. {Age: 5}; the column becomes its bin number"),
            Key.choice("bin_method", "quantile", Binner.METHODS, "bin edges: quantile (equal counts) or equal_width"),
            Key.section("polynomial", "polynomial and interaction features: degree, columns, interaction_only"),
            Key.section("dates", "date/time parts: columns, parts, format"),
            Key.section("pca", "principal components of the numeric columns, fitted on training rows (after the encoders):"
                    + " components, whiten, columns; absent = off"),
            Key.section("lda", "linear discriminants of the numeric columns (classification; after pca): components,"
                    + " columns; absent = off"));

    /** {@code runSeed}: the config's top-level seed, which cuts the target encoding's folds. */
    public static FeaturesConfig parse(Section f, long runSeed) {
        Map<String, String> encodeColumns = f.stringMap("encode_columns");
        encodeColumns.forEach((column, method) -> {
            if (!ENCODINGS.contains(method)) {
                throw new ConfigException(f.join("encode_columns") + "." + column, "'" + method + "' is not one of " + ENCODINGS);
            }
        });
        Section t = f.section("target", TargetEncoding.KEYS);
        TargetEncoding target = new TargetEncoding(t.integer("folds"), t.number("smoothing"), runSeed);
        if (target.folds() < 2) {
            throw new ConfigException(t.join("folds"), "needs at least 2 folds, got " + target.folds());
        }
        if (target.smoothing() < 0) {
            throw new ConfigException(t.join("smoothing"), "must be >= 0, got " + target.smoothing());
        }
        List<DeriveColumns.Derived> derive = new ArrayList<>();
        f.stringMap("derive").forEach((name, expression) -> derive.add(new DeriveColumns.Derived(name, expression)));
        Map<String, String> transform = f.stringMap("transform");
        transform.forEach((column, kind) -> {
            if (!MathTransform.KINDS.contains(kind)) {
                throw new ConfigException(f.join("transform") + "." + column, "'" + kind + "' is not one of " + MathTransform.KINDS);
            }
        });
        Map<String, Integer> bins = new LinkedHashMap<>();
        f.stringMap("bins").forEach((column, n) -> bins.put(column, binCount(f.join("bins") + "." + column, n)));
        Section p = f.section("polynomial", Polynomial.KEYS);
        Polynomial polynomial = new Polynomial(p.integer("degree"), p.strings("columns"), p.bool("interaction_only"));
        if (polynomial.degree() < 1 || polynomial.degree() > 5) {
            throw new ConfigException(p.join("degree"), "expected 1 to 5, got " + polynomial.degree());
        }
        Section d = f.section("dates", Dates.KEYS);
        Dates dates = new Dates(d.strings("columns"), d.strings("parts"), d.string("format"));
        for (String part : dates.parts()) {
            if (!DateParts.PARTS.contains(part)) {
                throw new ConfigException(d.join("parts"), "'" + part + "' is not one of " + DateParts.PARTS);
            }
        }
        Pca pca = f.has("pca") ? pca(f.section("pca", PCA_KEYS)) : null;
        Lda lda = null;
        if (f.has("lda")) {
            Section l = f.section("lda", LDA_KEYS);
            int components = l.integer("components");
            if (components < 0) {
                throw new ConfigException(l.join("components"), "expected a number of discriminants >= 1 (0 = classes - 1),"
                        + " got " + components);
            }
            lda = new Lda(components, l.strings("columns"));
        }
        int maxLevels = f.integer("max_levels");
        if (maxLevels < 0) {
            throw new ConfigException(f.join("max_levels"), "must be >= 0, got " + maxLevels);
        }
        return new FeaturesConfig(f.choice("encode"), encodeColumns, maxLevels, minFrequency(f), f.bool("keep_identifiers"),
                ordinalOrder(f), target, derive,
                transform, bins, f.choice("bin_method"), polynomial, dates, pca, lda);
    }

    /** As scikit-learn's {@code n_components}: an integer is a count, a number in (0, 1) the share of variance to keep. */
    private static Pca pca(Section p) {
        JsonNode node = p.raw("components");
        double components;
        if (node == null || node.isNull()) {
            components = p.number("components");
        } else if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 1) {
            components = node.asInt();
        } else if (node.isFloatingPointNumber() && node.asDouble() > 0 && node.asDouble() < 1) {
            components = node.asDouble();
        } else {
            throw new ConfigException(p.join("components"), "expected a number of components (an integer >= 1) or a share"
                    + " of the variance between 0 and 1 (e.g. 0.95), got " + node);
        }
        return new Pca(components, p.bool("whiten"), p.strings("columns"));
    }

    /** As scikit-learn's {@code min_frequency}: an integer is a count of rows, a fraction below 1 a share. */
    private static double minFrequency(Section f) {
        JsonNode node = f.raw("min_frequency");
        if (node == null || node.isNull()) {
            return f.number("min_frequency");
        }
        if (node.isIntegralNumber() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isFloatingPointNumber() && node.asDouble() >= 0 && node.asDouble() < 1) {
            return node.asDouble();
        }
        throw new ConfigException(f.join("min_frequency"), "expected a count of training rows (an integer >= 0) or a share"
                + " below 1 (e.g. 0.01), got " + node);
    }

    private static int binCount(String path, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 2) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(path, "expected a number of bins >= 2, got \"" + text + "\"");
    }

    private static Map<String, List<String>> ordinalOrder(Section f) {
        JsonNode node = f.raw("ordinal_order");
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ConfigException(f.join("ordinal_order"), "expected a mapping of column to a list of levels");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray()) {
                throw new ConfigException(f.join("ordinal_order") + "." + e.getKey(), "expected a list of levels");
            }
            List<String> levels = new ArrayList<>();
            e.getValue().forEach(v -> levels.add(v.asText()));
            out.put(e.getKey(), List.copyOf(levels));
        });
        return out;
    }
}
