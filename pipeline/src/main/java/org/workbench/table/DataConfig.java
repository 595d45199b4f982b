package org.workbench.table;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code data:} section: where the CSV is, how to read it, and how much to hold out.
 * {@code delimiter} and {@code decimal} may be {@link #AUTO} (sniffed from the file when it is read,
 * see {@link CsvDialect}); {@code thousands} is {@link #NONE} unless the config names a separator.
 */
public record DataConfig(Path source, char delimiter, char quote, boolean header, List<String> missingValues,
                         Map<String, String> columnTypes, Split split, char decimal, char thousands, Charset encoding) {

    /** The two column types a column may be given in {@code data.column_types}. */
    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";

    /** A delimiter or decimal mark to be sniffed from the file. */
    public static final char AUTO = '\0';
    /** No thousands separator: nothing is ever stripped from a number. */
    public static final char NONE = '\0';

    /** The markers pandas' read_csv treats as missing by default, plus "?" (UCI files use it). */
    public static final List<String> DEFAULT_MISSING = List.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null", "?");

    /** An explicit dialect: decimal point, no thousands separator, UTF-8. */
    public DataConfig(Path source, char delimiter, char quote, boolean header, List<String> missingValues,
                      Map<String, String> columnTypes, Split split) {
        this(source, delimiter, quote, header, missingValues, columnTypes, split, '.', NONE, StandardCharsets.UTF_8);
    }

    /** The {@code data.split:} section. */
    public record Split(double test, boolean stratify) {
        public static final List<Key> KEYS = List.of(
                Key.number("test", 0.2, "fraction of rows held out for the final test"),
                Key.bool("stratify", true, "keep class proportions in both splits (classification)"));
    }

    public static final List<Key> KEYS = List.of(
            Key.string("source", Key.REQUIRED, "CSV file, relative to the config file"),
            Key.string("delimiter", "auto", "field separator: auto (sniffed among , ; tab |), or one character, or tab"),
            Key.string("quote", "\"", "quote character (one character)"),
            Key.bool("header", true, "first line holds column names"),
            Key.string("decimal", "auto", "decimal mark: auto ('.', or ',' when a non-comma file's numbers look like 11,9), '.' or ','"),
            Key.string("thousands", "none", "thousands separator stripped from numbers (e.g. ',' or '.'); none strips nothing"),
            Key.string("encoding", "UTF-8", "the file's character encoding (a BOM is accepted), e.g. windows-1252, latin1"),
            Key.list("missing_values", DEFAULT_MISSING, "cell values read as missing (default: pandas' list plus ?)"),
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
        char delimiter = d.string("delimiter").equals("auto") ? AUTO : oneChar(d, "delimiter");
        char quote = oneChar(d, "quote");
        char decimal = decimal(d);
        char thousands = d.string("thousands").equals("none") ? NONE : oneChar(d, "thousands");
        if (thousands != NONE && (thousands == decimal || Character.isDigit(thousands) || thousands == '-' || thousands == '+')) {
            throw new ConfigException(d.join("thousands"), "'" + thousands + "' cannot separate thousands"
                    + (thousands == decimal ? ": it is the decimal mark" : "") + "; use none, ',', '.', ' ' or '\\''");
        }
        if (delimiter != AUTO && (delimiter == decimal || delimiter == thousands)) {
            throw new ConfigException(d.join("delimiter"), "'" + delimiter + "' is also the decimal mark or thousands separator");
        }
        return new DataConfig(base.resolve(d.string("source")).normalize(), delimiter, quote, d.bool("header"),
                d.strings("missing_values"), types, split, decimal, thousands, charset(d));
    }

    /** The same settings with a resolved delimiter and decimal mark. */
    public DataConfig withDialect(char resolvedDelimiter, char resolvedDecimal) {
        return new DataConfig(source, resolvedDelimiter, quote, header, missingValues, columnTypes, split,
                resolvedDecimal, thousands, encoding);
    }

    /** The same reading settings for another file and column types (predict reads new rows like the training file). */
    /** The same reading with another number format (decimal mark and thousands separator). */
    DataConfig withNumbers(char otherDecimal, char otherThousands) {
        return new DataConfig(source, delimiter, quote, header, missingValues, columnTypes, split, otherDecimal,
                otherThousands, encoding);
    }

    public DataConfig forFile(Path file, Map<String, String> types) {
        return new DataConfig(file, delimiter, quote, header, missingValues, types, split, decimal, thousands, encoding);
    }

    private static char decimal(Section d) {
        String v = d.string("decimal");
        if (v.equals("auto")) {
            return AUTO;
        }
        if (!v.equals(".") && !v.equals(",")) {
            throw new ConfigException(d.join("decimal"), "expected auto, '.' or ',', got \"" + v + "\"");
        }
        return v.charAt(0);
    }

    private static Charset charset(Section d) {
        String name = d.string("encoding");
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigException(d.join("encoding"), "unknown encoding \"" + name
                    + "\"; e.g. UTF-8, windows-1252, latin1 (ISO-8859-1), UTF-16");
        }
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
