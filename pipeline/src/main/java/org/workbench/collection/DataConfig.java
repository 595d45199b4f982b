package org.workbench.collection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code data:} section: where the CSV is, how to read it, and how much to hold out. */
public record DataConfig(Path source, char delimiter, char quote, boolean header, List<String> missingValues,
                         Map<String, String> columnTypes, Split split) {

    /** The {@code data.split:} section. */
    public record Split(double test, boolean stratify) {
        public static final List<Key> KEYS = List.of(
                Key.number("test", 0.2, "fraction of rows held out for the final test"),
                Key.bool("stratify", true, "keep class proportions in both splits (classification)"));
    }

    public static final List<Key> KEYS = List.of(
            Key.string("source", Key.REQUIRED, "CSV file, relative to the config file"),
            Key.string("delimiter", ",", "field separator (one character, or tab)"),
            Key.string("quote", "\"", "quote character (one character)"),
            Key.bool("header", true, "first line holds column names"),
            Key.list("missing_values", List.of("", "NA", "?"), "cell values read as missing"),
            Key.map("column_types", "force a column's type: numeric or categorical"),
            Key.section("split", "hold-out split: test, stratify"));

    /** Reads the section; {@code base} is the config file's folder, which relative paths start from. */
    public static DataConfig parse(Section d, Path base) {
        Section s = d.section("split", Split.KEYS);
        Split split = new Split(s.fraction("test", false), s.bool("stratify"));
        Map<String, String> types = d.stringMap("column_types");
        types.forEach((col, type) -> {
            if (!type.equals("numeric") && !type.equals("categorical")) {
                throw new ConfigException(d.join("column_types") + "." + col,
                        "expected numeric or categorical, got \"" + type + "\"");
            }
        });
        return new DataConfig(base.resolve(d.string("source")).normalize(), oneChar(d, "delimiter"), oneChar(d, "quote"),
                d.bool("header"), d.strings("missing_values"), types, split);
    }

    private static char oneChar(Section s, String key) {
        String v = s.string(key);
        if (v.equals("\\t") || v.equals("tab")) {
            return '\t';
        }
        if (v.length() != 1) {
            throw new ConfigException(s.join(key), "expected one character, got \"" + v + "\"");
        }
        return v.charAt(0);
    }
}
