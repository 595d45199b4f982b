package org.workbench.preprocessing;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code preprocess:} section: columns to drop, missing values, scaling. */
public record PreprocessConfig(List<String> drop, Impute impute, String scale) {

    /** The {@code preprocess.impute:} section. */
    public record Impute(String numeric, String categorical, double fillNumeric, String fillCategorical) {
        public static final List<Key> KEYS = List.of(
                Key.choice("numeric", "median", List.of("mean", "median", "most_frequent", "constant", "none"), "fill for missing numbers"),
                Key.choice("categorical", "most_frequent", List.of("most_frequent", "constant", "none"), "fill for missing categories"),
                Key.number("fill_numeric", 0.0, "value used by numeric: constant"),
                Key.string("fill_categorical", "missing", "value used by categorical: constant"));
    }

    public static final List<Key> KEYS = List.of(
            Key.list("drop", List.of(), "columns to drop before anything else (ids, free text)"),
            Key.section("impute", "missing values: numeric, categorical, fill_numeric, fill_categorical"),
            Key.choice("scale", "standard", List.of("standard", "minmax", "none"), "numeric scaling fitted on training rows"));

    public static PreprocessConfig parse(Section p) {
        Section i = p.section("impute", Impute.KEYS);
        Impute impute = new Impute(i.choice("numeric"), i.choice("categorical"), i.number("fill_numeric"),
                i.string("fill_categorical"));
        return new PreprocessConfig(p.strings("drop"), impute, p.choice("scale"));
    }
}
