package org.workbench.table;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.workbench.core.InputException;

/**
 * The one pass over a CSV file: column names, the field count and quoting of every row, and each
 * row handed on to a {@link Rows} with the physical line (1-based, header = line 1) where it starts.
 * A quoted value may span several lines, so errors need that line, not a row count. The parser is
 * univocity, configured as Tablesaw configures it plus strict quoting, with quotes kept so that a
 * quote that never closes can be recognised ({@link #unquote} gives the value Tablesaw would read).
 */
record CsvLayout(Path file, List<String> names, int rows, List<Integer> droppedBlankColumns, List<DataWarning> warnings) {

    /** A quoted value with at least this many lines shaped like rows is reported (see {@link #rowsInside}). */
    static final int ROWS_INSIDE = 2;

    /** Receives the rows of a scan. */
    interface Rows {
        /** Called once, before the first row, with a name for every field ("" for a blank-named column, which is dropped). */
        void start(List<String> names);

        /** A data row with as many cells as there are names (null = empty unquoted cell), kept quotes included. */
        void accept(String[] cells, int line);
    }

    /** Tablesaw's default limit on the number of columns. */
    static final int MAX_COLUMNS = 10_000;
    /** Long enough for any real cell; an unclosed quote in a big file runs into it. */
    static final int MAX_CHARS_PER_VALUE = 1_000_000;
    /** Disables comment lines: univocity would otherwise skip every line starting with '#'. */
    static final char NO_COMMENTS = '\0';

    /** Checks the whole file: names, field counts and quoting of every row; hands each row to {@code rows}. */
    static CsvLayout scan(DataConfig data, Rows rows) {
        return parse(data, parser -> {
            Path file = data.source();
            String[] first = parser.parseNext();
            int firstLine = startLine(parser, first);
            checkClosed(file, first, firstLine, data.quote());
            List<String> names = names(file, data, first);
            rows.start(names);
            int[] blank = java.util.stream.IntStream.range(0, names.size()).filter(i -> names.get(i).isEmpty()).toArray();
            int count = 0;
            if (!data.header()) {
                rows.accept(first, firstLine);
                count++;
            }
            String[] row;
            List<DataWarning> warnings = new ArrayList<>();
            int lastEnd = (int) parser.getContext().currentLine();
            while ((row = parser.parseNext()) != null) {
                int end = (int) parser.getContext().currentLine();
                // a record one line after the last is one line long: no quoted line break to count (on
                // 1,000,000 rows, counting them in every cell was a seventh of the parsing thread's time)
                int start = end == lastEnd + 1 ? end : startLine(parser, row);
                lastEnd = end;
                checkClosed(file, row, start, data.quote());
                if (row.length != names.size()) {
                    throw new InputException(file + ": line " + start + " has " + row.length + " fields, expected "
                            + names.size() + (data.header() ? " as in the header" : " as in the first row")
                            + " (delimiter " + CsvDialect.shown(data.delimiter()) + ")" + commentHint(names, firstLine));
                }
                for (int i : blank) {
                    checkBlankColumn(file, data, row, i, start);
                }
                if (end > start + ROWS_INSIDE && warnings.size() < 3) {
                    rowsInside(data, names, row, start, end).ifPresent(warnings::add);
                }
                rows.accept(row, start);
                count++;
            }
            if (count == 0) {
                throw new InputException(file + ": has a header but no data rows");
            }
            List<Integer> dropped = java.util.Arrays.stream(blank).mapToObj(i -> i + 1).toList();
            return new CsvLayout(file, names.stream().filter(n -> !n.isEmpty()).toList(), count, dropped, List.copyOf(warnings));
        });
    }

    /**
     * A quoted value over several lines is valid CSV, but one whose lines are shaped like the file's rows
     * (each with a delimiter per column boundary) is almost always a stray quote and a later one: the rows
     * between them were read as one cell (a name written {@code "Bob} on one line and {@code Smith"} 70
     * lines later lost 70 rows silently). Reported as a warning naming both lines; the read goes on.
     */
    private static java.util.Optional<DataWarning> rowsInside(DataConfig data, List<String> names, String[] row, int start,
                                                              int end) {
        for (int i = 0; i < row.length; i++) {
            String cell = row[i];
            if (cell == null || (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)) {
                continue;
            }
            String[] lines = cell.split("\r\n|\n|\r", -1);
            int rowLike = 0;
            for (int l = 1; l < lines.length - 1; l++) {
                if (lines[l].chars().filter(c -> c == data.delimiter()).count() >= names.size() - 1) {
                    rowLike++;
                }
            }
            if (rowLike >= ROWS_INSIDE && names.size() > 1) {
                String column = names.get(i).isEmpty() ? "column " + (i + 1) : names.get(i);
                return java.util.Optional.of(new DataWarning("rows_in_quotes", column, rowLike, String.format(java.util.Locale.ROOT,
                        "lines %d-%d are one quoted value of column '%s' holding %d lines shaped like rows (%s-separated):"
                                + " probably a stray quote on line %d and another on line %d, so those rows are missing from"
                                + " the table; fix the quotes in the file (a quote inside a value is written twice)", start, end,
                        column, rowLike, CsvDialect.shown(data.delimiter()), start, end)));
            }
        }
        return java.util.Optional.empty();
    }

    /** A hint when the first record looks like a comment line ("# exported by ..."), which CSV readers do not skip. */
    private static String commentHint(List<String> names, int firstLine) {
        String first = names.isEmpty() ? "" : names.get(0).trim();
        return first.startsWith("#") || first.startsWith("//")
                ? "; line " + firstLine + " starts with '" + (first.startsWith("#") ? "#" : "//") + "', so it was taken for the header:"
                        + " if it is a comment, delete it (comment lines are not skipped)"
                : "";
    }

    /** Reads only the first record: the column names. */
    static List<String> header(DataConfig data) {
        return parse(data, parser -> {
            String[] first = parser.parseNext();
            checkClosed(data.source(), first, startLine(parser, first), data.quote());
            return names(data.source(), data, first).stream().filter(n -> !n.isEmpty()).toList();
        });
    }

    /**
     * Excel's first line "sep=;" (written by its CSV export in some locales, read by Excel as the delimiter):
     * "sep=" and one character, alone on the line. It declares the delimiter and is not part of the table.
     */
    private static final java.util.regex.Pattern SEPARATOR_LINE = java.util.regex.Pattern.compile("(?i)sep=([^\r\n])(\r\n|\n|\r|$)");

    /** The delimiter the text's first line declares ("sep=;"), or null when it is not such a line. */
    static Character declaredDelimiter(String start) {
        java.util.regex.Matcher m = SEPARATOR_LINE.matcher(start);
        return m.lookingAt() ? m.group(1).charAt(0) : null;
    }

    /** {@code text} without its first line when that line is a "sep=" line, else as it is. */
    static String withoutSeparatorLine(String text) {
        java.util.regex.Matcher m = SEPARATOR_LINE.matcher(text);
        return m.lookingAt() ? text.substring(m.end()) : text;
    }

    /** True when the file's first line is a "sep=" line (read past a byte-order mark). */
    static boolean startsWithSeparatorLine(Path file, java.nio.charset.Charset encoding) {
        try (Reader reader = TextDecoding.open(file, encoding)) {
            char[] start = new char[8];
            int length = 0;
            for (int n; length < start.length && (n = reader.read(start, length, start.length - length)) > 0; ) {
                length += n;
            }
            return declaredDelimiter(new String(start, 0, length)) != null;
        } catch (IOException e) {
            return false; // the parse that follows reports why the file cannot be read
        }
    }

    /** Runs {@code reading} on a parser over the file, turning parser failures into InputExceptions. */
    private static <T> T parse(DataConfig data, Function<CsvParser, T> reading) {
        Path file = data.source();
        checkReadable(file, data.encoding());
        CsvParserSettings settings = settings(data);
        if (startsWithSeparatorLine(file, data.encoding())) {
            settings.setNumberOfRowsToSkip(1); // lines are still counted from the file's first: errors name physical lines
        }
        CsvParser parser = new CsvParser(settings);
        try (Reader reader = TextDecoding.open(file, data.encoding())) {
            parser.beginParsing(reader);
            return reading.apply(parser);
        } catch (TextParsingException e) {
            if (TextDecoding.codingProblem(e) != null) {
                throw TextDecoding.undecodable(file, data.encoding(), e);
            }
            throw parsingProblem(file, e);
        } catch (CharacterCodingException e) {
            throw TextDecoding.undecodable(file, data.encoding(), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        } finally {
            parser.stopParsing();
        }
    }

    /** The parser stands at the record's last line; quoted line breaks tell how many lines it spans. */
    private static int startLine(CsvParser parser, String[] row) {
        int end = (int) parser.getContext().currentLine();
        return row == null ? end : end - newlines(row, row.length);
    }

    /**
     * Parser settings matching Tablesaw's CsvReader, plus strict quoting. Quotes are kept in values
     * so that a quoted value that never closes can be recognised.
     */
    private static CsvParserSettings settings(DataConfig data) {
        if (data.delimiter() == data.quote()) {
            throw new InputException(data.source() + ": the delimiter and the quote character are both '"
                    + data.delimiter() + "'; they must differ");
        }
        CsvParserSettings settings = new CsvParserSettings();
        settings.setLineSeparatorDetectionEnabled(true);
        settings.getFormat().setDelimiter(data.delimiter());
        settings.getFormat().setQuote(data.quote());
        settings.getFormat().setQuoteEscape(data.quote());
        settings.getFormat().setComment(NO_COMMENTS);
        settings.setMaxColumns(MAX_COLUMNS);
        settings.setMaxCharsPerColumn(MAX_CHARS_PER_VALUE);
        settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.RAISE_ERROR);
        settings.setKeepQuotes(true);
        // a read-ahead thread can fail with "Stream closed" when we stop after the header
        settings.setReadInputOnSeparateThread(false);
        return settings;
    }

    /** Fails unless the file exists and holds something other than whitespace. */
    static void checkReadable(Path file, java.nio.charset.Charset encoding) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a directory, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": data file not found");
        }
        try (Reader reader = TextDecoding.open(file, encoding)) {
            int c;
            while ((c = reader.read()) != -1) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return;
                }
            }
            throw new InputException(file + ": the file is empty");
        } catch (CharacterCodingException e) {
            throw TextDecoding.undecodable(file, encoding, e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Column names as Tablesaw makes them: trimmed header cells, or C0, C1, ... without a header. */
    private static List<String> names(Path file, DataConfig data, String[] first) {
        if (first == null) {
            throw new InputException(file + ": the file is empty");
        }
        List<String> names = new ArrayList<>();
        if (!data.header()) {
            for (int i = 0; i < first.length; i++) {
                names.add("C" + i);
            }
            return List.copyOf(names);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < first.length; i++) {
            String name = first[i] == null ? "" : unquote(first[i], data.quote()).trim();
            if (name.isEmpty()) {
                // kept as "": the scan drops it when it holds no value, and fails when it does
                names.add(name);
                continue;
            }
            // Tablesaw looks columns up ignoring case, so "Age" and "age" would clash
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new InputException(file + ": line 1: column name '" + shown(name) + "' appears twice (columns "
                        + earlier + " and " + (i + 1) + "; names are compared ignoring case)");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** A column with a blank name may only hold empty cells: it is then dropped. */
    private static void checkBlankColumn(Path file, DataConfig data, String[] row, int column, int line) {
        String cell = row[column] == null ? "" : unquote(row[column], data.quote()).trim();
        if (!cell.isEmpty()) {
            throw new InputException(file + ": line " + line + ": column " + (column + 1) + " has a blank name in the header"
                    + " but holds the value \"" + shown(cell) + "\"; give it a name in the header line (line 1)");
        }
    }

    /** Bytes looked at in each of the places {@link #expectedRows} samples. */
    static final int ROW_SAMPLE_BYTES = 64 * 1024;

    /**
     * About how many rows the file holds, from the line breaks in a few samples of its bytes (its start,
     * a third and two thirds in), taking the sample with the longest lines, plus an eighth for the
     * guess's error (the 1,000,000-row benchmark file gives 997,750 without it); 0 when the file cannot
     * be read (the scan then reports why). Columns start with this much room:
     * growing 20 arrays of 1,000,000 rows by doubling copied and promoted about 300 MB and cost full
     * collections.
     */
    static int expectedRows(Path file) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(ROW_SAMPLE_BYTES);
            double bytesPerRow = 0;
            for (long at : new long[] {0, size / 3, 2 * size / 3}) {
                buffer.clear();
                while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) > 0) {
                    // reads until the sample is full or the file ends
                }
                int lines = 0;
                for (int i = 0; i < buffer.position(); i++) {
                    if (buffer.get(i) == '\n') {
                        lines++;
                    }
                }
                bytesPerRow = Math.max(bytesPerRow, buffer.position() / (double) Math.max(1, lines));
                if (size <= ROW_SAMPLE_BYTES) {
                    break;
                }
            }
            return (int) Math.min(Integer.MAX_VALUE - 16, Math.ceil(size / bytesPerRow * 1.125));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Reads up to {@link CsvDialect#SAMPLE_CHARS} characters and resolves the dialect from them. */
    static CsvDialect sniff(DataConfig data) {
        Path file = data.source();
        checkReadable(file, data.encoding());
        if (data.delimiter() != DataConfig.AUTO && data.decimal() != DataConfig.AUTO) {
            return CsvDialect.resolve(data, "", true); // nothing to sniff (a bundle's dialect, or one set in full)
        }
        char[] buffer = new char[CsvDialect.SAMPLE_CHARS];
        int length = 0;
        boolean whole = false;
        try (Reader reader = TextDecoding.open(file, data.encoding())) {
            while (length < buffer.length) {
                int n = reader.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    whole = true;
                    break;
                }
                length += n;
            }
        } catch (CharacterCodingException e) {
            throw TextDecoding.undecodable(file, data.encoding(), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        String sample = new String(buffer, 0, length);
        Character declared = declaredDelimiter(sample);
        if (declared == null) {
            return CsvDialect.resolve(data, sample, whole);
        }
        // the file's own "sep=" line sets the delimiter, unless data.delimiter does; the decimal mark is sniffed after it
        DataConfig declaring = data.delimiter() == DataConfig.AUTO ? data.withDialect(declared, data.decimal()) : data;
        CsvDialect d = CsvDialect.resolve(declaring, withoutSeparatorLine(sample), whole);
        // found in the file, as a sniffed delimiter is: data.delimiter overrides it
        return new CsvDialect(d.delimiter(), d.decimal(), d.thousands(), d.encoding(), data.delimiter() == DataConfig.AUTO,
                d.decimalSniffed());
    }

    /** With kept quotes, a value that opens a quote must end with one; otherwise it ran to the end of the file. */
    private static void checkClosed(Path file, String[] row, int startLine, char quote) {
        if (row == null) {
            return;
        }
        for (int i = 0; i < row.length; i++) {
            String v = row[i];
            if (v != null && !v.isEmpty() && v.charAt(0) == quote && (v.length() == 1 || v.charAt(v.length() - 1) != quote)) {
                throw new InputException(file + ": line " + (startLine + newlines(row, i))
                        + ": a quoted value is never closed (missing " + quote + ")");
            }
        }
    }

    private static InputException parsingProblem(Path file, TextParsingException e) {
        long line = e.getLineIndex() + 1;
        // the rest of univocity's message is a dump of its settings
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable CSV");
        String problem;
        if (first.contains("maximum number of characters")) {
            problem = "a value is longer than " + MAX_CHARS_PER_VALUE + " characters; is a quote never closed?";
        } else if (first.contains("Unescaped quote")) {
            problem = "a quote inside a quoted value must be doubled (\"\"), and nothing may follow the closing quote";
        } else if (e.getCause() instanceof ArrayIndexOutOfBoundsException) {
            problem = "more than " + MAX_COLUMNS + " fields in a row";
        } else {
            problem = first;
        }
        return new InputException(file + ": line " + line + ": " + problem, e);
    }

    /** A cell as it can appear inside a one-line message: line breaks escaped, long text cut. */
    static String shown(String cell) {
        String oneLine = cell.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static int newlines(String[] row, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) {
            if (row[i] != null) {
                for (int at = row[i].indexOf('\n'); at >= 0; at = row[i].indexOf('\n', at + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Removes the kept outer quotes (univocity has already collapsed doubled quotes inside). */
    static String unquote(String value, char quote) {
        if (value.length() >= 2 && value.charAt(0) == quote && value.charAt(value.length() - 1) == quote) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
