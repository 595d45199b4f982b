package org.workbench.table;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.InputException;

/**
 * How a CSV file was read: delimiter, decimal mark, thousands separator and encoding, and which of
 * them were sniffed from the file's first lines rather than given in the config.
 *
 * <p>Sniffing the delimiter: each candidate ({@code , ; tab |}) splits the sampled records (quotes
 * respected, so a character only inside quoted values never counts); a candidate is consistent when
 * every sampled record has the same number of fields, more than one. Among consistent candidates the
 * one giving the most fields wins (ties: the order above). When no candidate occurs outside quotes the
 * file has one column; when only one does, it is chosen even if inconsistent (the read then names the
 * line with the wrong field count); otherwise an inconsistent file is an error listing what was tried. Sniffing the decimal mark: ',' when the delimiter is not ',' and the sampled
 * cells hold numbers such as {@code 11,9} but none such as {@code 11.9}; otherwise '.'.
 */
public record CsvDialect(char delimiter, char decimal, char thousands, Charset encoding,
                         boolean delimiterSniffed, boolean decimalSniffed) {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final java.util.regex.Pattern POINT_DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?");
    private static final java.util.regex.Pattern COMMA_DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d+,\\d+([eE][-+]?\\d+)?");
    /** How much of the file's start the sniffer looks at. */
    static final int SAMPLE_CHARS = 64 * 1024;

    /** Resolves the config's automatic settings against the file's first characters. */
    static CsvDialect resolve(DataConfig data, String sample, boolean wholeFile) {
        List<String> records = records(sample, data.quote(), wholeFile);
        char delimiter = data.delimiter() == DataConfig.AUTO ? sniffDelimiter(data, records) : data.delimiter();
        if (delimiter == data.quote()) {
            throw new InputException(data.source() + ": the delimiter and the quote character are both '"
                    + delimiter + "'; they must differ");
        }
        char decimal = data.decimal();
        if (decimal == DataConfig.AUTO) {
            // a thousands separator that is one of the two marks leaves the other as the decimal mark
            decimal = data.thousands() == '.' ? ','
                    : data.thousands() != ',' && delimiter != ',' && commaDecimals(records, delimiter, data) ? ',' : '.';
        }
        if (decimal == data.thousands()) {
            throw new InputException(data.source() + ": data.decimal and data.thousands are both '" + decimal
                    + "'; a number needs two different marks (e.g. decimal ',' with thousands '.')");
        }
        if (decimal == delimiter) {
            throw new InputException(data.source() + ": data.decimal '" + decimal + "' is also the delimiter; "
                    + "set data.delimiter to the file's field separator");
        }
        return new CsvDialect(delimiter, decimal, data.thousands(), data.encoding(),
                data.delimiter() == DataConfig.AUTO, data.decimal() == DataConfig.AUTO);
    }

    /** True for a comma-delimited UTF-8 file with a decimal point and no thousands separator. */
    public boolean plain() {
        return delimiter == ',' && decimal == '.' && thousands == DataConfig.NONE && encoding.name().equals("UTF-8");
    }

    /** "';' delimited, decimal ',', sniffed" for the stage summary. */
    public String describe() {
        String text = shown(delimiter) + " delimited, decimal '" + decimal + "'";
        if (thousands != DataConfig.NONE) {
            text += ", thousands " + shown(thousands);
        }
        if (!encoding.name().equals("UTF-8")) {
            text += ", " + encoding.name();
        }
        return text + (delimiterSniffed || decimalSniffed ? ", sniffed" : "");
    }

    /** The decisions, one sentence each, for the stage's details. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("delimiter " + shown(delimiter) + (delimiterSniffed ? " (sniffed; set data.delimiter to override)" : " (data.delimiter)"));
        notes.add("decimal mark '" + decimal + "'" + (decimalSniffed ? " (sniffed; set data.decimal to override)" : " (data.decimal)")
                + (thousands == DataConfig.NONE ? ", no thousands separator" : ", thousands separator " + shown(thousands)));
        notes.add("encoding " + encoding.name());
        return notes;
    }

    /** For run.json and the bundle's manifest. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("delimiter", String.valueOf(delimiter));
        map.put("decimal", String.valueOf(decimal));
        map.put("thousands", thousands == DataConfig.NONE ? "none" : String.valueOf(thousands));
        map.put("encoding", encoding.name());
        map.put("delimiter_sniffed", delimiterSniffed);
        map.put("decimal_sniffed", decimalSniffed);
        return map;
    }

    static String shown(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }

    private static char sniffDelimiter(DataConfig data, List<String> records) {
        char best = 0;
        int bestFields = 1;
        boolean anyFound = false;
        char onlyFound = 0;
        int found = 0;
        List<String> tried = new ArrayList<>();
        for (char candidate : CANDIDATES) {
            if (candidate == data.decimal() || candidate == data.thousands()) {
                // the config says this character is part of numbers
                continue;
            }
            int fields = -1;
            boolean consistent = true;
            int lowest = Integer.MAX_VALUE;
            int highest = 0;
            for (String record : records) {
                int n = fields(record, candidate, data.quote());
                lowest = Math.min(lowest, n);
                highest = Math.max(highest, n);
                if (fields < 0) {
                    fields = n;
                } else if (n != fields) {
                    consistent = false;
                }
            }
            anyFound |= highest > 1;
            if (highest > 1) {
                found++;
                onlyFound = candidate;
            }
            if (consistent && fields > bestFields) {
                best = candidate;
                bestFields = fields;
            }
            if (highest > 1) {
                tried.add(shown(candidate) + " gives " + (lowest == highest ? lowest : lowest + " to " + highest) + " fields");
            }
        }
        if (best != 0) {
            return best;
        }
        if (!anyFound) {
            return ',';
        }
        if (found == 1) {
            // nothing else to choose: the scan then names the line whose field count differs
            return onlyFound;
        }
        throw new InputException(data.source() + ": cannot tell the delimiter: no candidate splits the first "
                + records.size() + " lines into the same number of fields (" + String.join(", ", tried)
                + "); set data.delimiter (e.g. ';' or tab) or check the quoting");
    }

    /** Records of the sample, split at line breaks outside quotes; blank lines skipped, a cut-off last record dropped. */
    static List<String> records(String sample, char quote, boolean wholeFile) {
        List<String> records = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                add(records, sample.substring(start, i));
                start = i + 1;
            }
        }
        if (wholeFile && !quoted) {
            add(records, sample.substring(start));
        }
        if (records.isEmpty() && start == 0) {
            add(records, sample);
        }
        return records;
    }

    private static void add(List<String> records, String record) {
        if (!record.isBlank()) {
            records.add(record);
        }
    }

    /** Fields of one record for this delimiter, quotes respected. */
    private static int fields(String record, char delimiter, char quote) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** True when some unquoted sampled cell reads like 11,9 and none like 11.9. */
    private static boolean commaDecimals(List<String> records, char delimiter, DataConfig data) {
        // compiled once per file, not per cell: String.matches and split compile a pattern on every call
        java.util.regex.Pattern splitter = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(String.valueOf(delimiter)));
        int comma = 0;
        for (String record : records.subList(data.header() && records.size() > 1 ? 1 : 0, records.size())) {
            for (String cell : splitter.split(record, -1)) {
                String value = cell.trim();
                if (value.length() >= 2 && value.charAt(0) == data.quote() && value.charAt(value.length() - 1) == data.quote()) {
                    value = value.substring(1, value.length() - 1).trim();
                }
                if (POINT_DECIMAL.matcher(value).matches()) {
                    return false;
                }
                if (COMMA_DECIMAL.matcher(value).matches()) {
                    comma++;
                }
            }
        }
        return comma > 0;
    }
}
