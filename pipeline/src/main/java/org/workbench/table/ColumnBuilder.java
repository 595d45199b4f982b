package org.workbench.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One wanted column, filled cell by cell while the file is scanned. A column whose type the config
 * does not force is held as numbers; cells that are not numbers ("odd" cells) are kept aside with
 * their row and line. At the end ({@link #finish}) the column is numeric when it has a number and
 * its odd cells are "a few" ({@link #MAX_ODD_SHARE} of its non-missing cells, at most
 * {@link #MAX_ODD_TOKENS} distinct texts): they become missing, with a warning. Otherwise it is
 * text. Numbers cannot give back the text they were read from ("3504." is 3504.0), so a text column
 * that held numbers is read again ({@link #needsText}). A column whose first value is text is kept
 * as text while its cells are only counted (numbers and odd cells), so the common text column costs
 * no bookkeeping; if it ends up numeric its texts are parsed then. Infinite values are read as
 * missing in a number column, with a warning.
 */
final class ColumnBuilder {
    /** How the column is being collected. */
    enum Kind {
        /** numbers, with the odd cells kept aside; decided by {@link #finish} */
        DETECT,
        /** text came first: texts kept, numbers and odd cells only counted; decided by {@link #finish} */
        TEXT_FIRST,
        /** data.column_types says numeric */
        NUMERIC,
        /** data.column_types says categorical, or the column turned out to be text */
        TEXT,
        /** text with numbers in it: counted only, to be read again as text */
        RETEXT
    }

    /** A number column may hold at most this share of odd cells among its non-missing cells. */
    static final double MAX_ODD_SHARE = 0.05;
    /** ... and at most this many distinct odd texts. */
    static final int MAX_ODD_TOKENS = 10;
    /** Lines a warning quotes. */
    private static final int LINES_SHOWN = 5;
    private static final int FIRST_CAPACITY = 1024;
    /** Room for the rows the file is expected to hold, so that the arrays rarely grow (see {@link CsvLayout#expectedRows}). */
    private final int firstCapacity;

    final String name;
    /** Position in the file, counting every column. */
    final int index;
    private final NumberCheck numbers;
    private Kind kind;
    private double[] values;
    private String[] texts;
    private int size;
    private int numberCount;
    /** Odd cells: row, line and text of each, and the count of each distinct text. */
    private int[] oddRows = new int[16];
    private int[] oddLines = new int[16];
    private String[] oddTexts = new String[16];
    private int oddCount;
    private final Map<String, Integer> oddTokens = new LinkedHashMap<>();
    /**
     * The warning of a column read as text though most of its cells are numbers and its other cells a
     * few distinct texts, too many of them to read as missing (say "-" in 8% of the rows): each number
     * becomes a category, which is rarely meant. Null when that is not the case.
     */
    private DataWarning mostlyNumbers;
    /**
     * Whether some number was written otherwise than as a plain integer ("001", "1.0", "+2", "1e3", or 16
     * digits and more): as a class label it would then read back differently ({@code Labels.of}).
     */
    private boolean reformatted;
    /** Null unless the file's ';' fields and '.' decimals make '.' thousands separators possible. */
    private final DotGroups dots;
    /** Infinite values read as missing. */
    private int infiniteCount;
    private final Map<String, Integer> infiniteTokens = new LinkedHashMap<>();
    private final List<Integer> infiniteLines = new ArrayList<>();

    /**
     * One instance per distinct text: the parser makes a new String for every cell, and keeping only
     * the first of each lets the rest die young. On 1,000,000 rows with 3 text columns, keeping them all
     * made young collections copy and promote them: about 0.5 s more CPU per read (2.6 s against 2.05 s).
     */
    private Map<String, String> distinctTexts = new HashMap<>();
    private static final int MAX_SHARED_TEXTS = 10_000;

    /** Lines of the first odd and infinite cells of a TEXT_FIRST column. */
    private final List<Integer> firstOddLines = new ArrayList<>();

    /** @param watchDots whether to look for '.' used as a thousands separator ({@link DotGroups}) */
    ColumnBuilder(String name, int index, Kind kind, NumberCheck numbers, int expectedRows, boolean watchDots) {
        this.dots = watchDots ? new DotGroups() : null;
        this.firstCapacity = Math.max(FIRST_CAPACITY, expectedRows);
        this.name = name;
        this.index = index;
        this.numbers = numbers;
        this.kind = kind;
        if (kind == Kind.TEXT) {
            texts = new String[firstCapacity];
        } else {
            values = new double[firstCapacity];
        }
    }

    /** The next cell: its text, or null when it is missing. */
    void add(String cell, int line) {
        switch (kind) {
            case TEXT -> addText(cell == null ? "" : cell);
            case TEXT_FIRST -> countText(cell, line);
            case RETEXT -> size++;
            default -> addNumber(cell, line);
        }
    }

    private void addNumber(String cell, int line) {
        double value = Double.NaN;
        if (cell != null) {
            double parsed = numbers.parse(cell);
            if (Double.isNaN(parsed)) {
                if (kind == Kind.DETECT && numberCount == 0) {
                    toTextFirst(cell, line);
                    return;
                }
                addOdd(cell, line);
                if (kind != Kind.DETECT) {
                    return;
                }
            } else if (Double.isInfinite(parsed)) {
                numberCount++;
                infiniteCount++;
                infiniteTokens.merge(cell.trim(), 1, Integer::sum);
                if (infiniteLines.size() < LINES_SHOWN) {
                    infiniteLines.add(line);
                }
            } else if (!numbers.isMarker(parsed)) {
                numberCount++;
                value = parsed;
                if (!reformatted) {
                    reformatted = !plainInteger(cell);
                }
                if (dots != null) {
                    dots.see(cell);
                }
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    private void addOdd(String cell, int line) {
        if (oddCount == oddRows.length) {
            oddRows = Arrays.copyOf(oddRows, oddCount * 2);
            oddLines = Arrays.copyOf(oddLines, oddCount * 2);
            oddTexts = Arrays.copyOf(oddTexts, oddCount * 2);
        }
        oddRows[oddCount] = size;
        oddLines[oddCount] = line;
        oddTexts[oddCount++] = cell;
        if (oddTokens.size() <= MAX_ODD_TOKENS) {
            oddTokens.merge(cell, 1, Integer::sum);
        }
        if (kind == Kind.DETECT && oddTokens.size() > MAX_ODD_TOKENS) {
            // too many distinct texts for a number column: it is text from here on
            toText();
            if (kind == Kind.TEXT) {
                addText(cell);
            } else {
                size++;
            }
        } else if (kind == Kind.NUMERIC) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = Double.NaN;
        }
    }

    /** Text before any number: keep texts ("" for the missing cells so far), count from here on. */
    private void toTextFirst(String cell, int line) {
        values = null;
        kind = Kind.TEXT_FIRST;
        texts = new String[Math.max(firstCapacity, size * 2)];
        Arrays.fill(texts, 0, size, "");
        countText(cell, line);
    }

    private void countText(String cell, int line) {
        if (cell == null) {
            addText("");
            return;
        }
        double parsed = numbers.parse(cell);
        if (Double.isNaN(parsed)) {
            oddCount++;
            if (firstOddLines.size() < LINES_SHOWN) {
                firstOddLines.add(line);
            }
        } else if (Double.isInfinite(parsed)) {
            numberCount++;
            if (infiniteLines.size() < LINES_SHOWN) {
                infiniteLines.add(line);
            }
        } else if (!numbers.isMarker(parsed)) {
            numberCount++;
        }
        addText(cell);
    }

    /** A TEXT_FIRST column that turned out numeric: its texts parsed, odd cells and infinities noted. */
    private void textsToNumbers() {
        values = new double[Math.max(1, size)];
        oddRows = new int[16];
        oddTexts = new String[16];
        oddLines = new int[16];
        oddCount = 0;
        for (int row = 0; row < size; row++) {
            String cell = texts[row];
            double parsed = cell.isEmpty() ? Double.NaN : numbers.parse(cell);
            values[row] = Double.NaN;
            if (cell.isEmpty()) {
                continue;
            }
            if (Double.isNaN(parsed)) {
                if (oddCount == oddRows.length) {
                    oddRows = Arrays.copyOf(oddRows, oddCount * 2);
                    oddTexts = Arrays.copyOf(oddTexts, oddCount * 2);
                    oddLines = Arrays.copyOf(oddLines, oddCount * 2);
                }
                oddRows[oddCount] = row;
                oddLines[oddCount] = oddCount < firstOddLines.size() ? firstOddLines.get(oddCount) : 0;
                oddTexts[oddCount++] = cell;
                oddTokens.merge(cell, 1, Integer::sum);
            } else if (Double.isInfinite(parsed)) {
                infiniteCount++;
                infiniteTokens.merge(cell.trim(), 1, Integer::sum);
            } else if (!numbers.isMarker(parsed)) {
                values[row] = parsed;
            }
        }
        texts = null;
        kind = Kind.DETECT;
    }

    /**
     * The odd texts of a TEXT_FIRST column with their counts; the scan stops at one more distinct text
     * than allowed (the counts are then incomplete, and the column is text anyway).
     */
    private Map<String, Integer> oddTextCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int row = 0; row < size && counts.size() <= MAX_ODD_TOKENS; row++) {
            String cell = texts[row];
            if (!cell.isEmpty() && Double.isNaN(numbers.parse(cell))) {
                counts.merge(cell, 1, Integer::sum);
            }
        }
        return counts;
    }

    private DataWarning mostlyNumbersWarning(Map<String, Integer> tokens, List<Integer> firstLines) {
        int nonMissing = numberCount + oddCount;
        return new DataWarning("numbers_with_text", name, oddCount, String.format(java.util.Locale.ROOT,
                "column '%s' is numbers except for %d cell%s (%s; %s), %.1f%% of its values: too many to read as missing,"
                        + " so the column was read as text and each number is a category; if %s no value, add %s to"
                        + " data.missing_values", name, oddCount, oddCount == 1 ? "" : "s", tokens(tokens),
                lines(firstLines, oddCount), 100.0 * oddCount / nonMissing,
                tokens.size() == 1 ? "it means" : "they mean", tokens.size() == 1 ? "it" : "them"));
    }

    /** Turns a detecting column into text: rebuilt from the odd cells when it held no number, else read again. */
    private void toText() {
        values = null;
        if (numberCount > 0) {
            kind = Kind.RETEXT;
            return;
        }
        kind = Kind.TEXT;
        texts = new String[Math.max(firstCapacity, size * 2)];
        Arrays.fill(texts, 0, size, "");
        for (int i = 0; i < oddCount; i++) {
            texts[oddRows[i]] = oddTexts[i];
        }
        oddRows = null;
        oddLines = null;
        oddTexts = null;
    }

    private void addText(String cell) {
        if (distinctTexts != null) {
            String earlier = distinctTexts.putIfAbsent(cell, cell);
            if (earlier != null) {
                cell = earlier;
            } else if (distinctTexts.size() > MAX_SHARED_TEXTS) {
                distinctTexts = null; // an identifier-like column: sharing would save little
            }
        }
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size++] = cell;
    }

    /** Decides a detecting column's type once every row has been seen. */
    void finish() {
        if (kind == Kind.TEXT_FIRST) {
            // the first cell was odd, so a column with a number has both; without one it is plain text
            Map<String, Integer> tokens = numberCount > 0 ? oddTextCounts() : Map.of();
            if (numberCount > 0 && oddCount <= MAX_ODD_SHARE * (numberCount + oddCount) && tokens.size() <= MAX_ODD_TOKENS) {
                textsToNumbers();
            } else {
                if (numberCount >= oddCount && tokens.size() <= MAX_ODD_TOKENS) {
                    mostlyNumbers = mostlyNumbersWarning(tokens, firstOddLines);
                }
                kind = Kind.TEXT;
            }
            return;
        }
        if (kind != Kind.DETECT || oddCount == 0) {
            return;
        }
        int nonMissing = numberCount + oddCount;
        if (numberCount == 0 || oddCount > MAX_ODD_SHARE * nonMissing) {
            if (numberCount >= oddCount && oddTokens.size() <= MAX_ODD_TOKENS) {
                mostlyNumbers = mostlyNumbersWarning(oddTokens,
                        Arrays.stream(oddLines, 0, Math.min(oddCount, LINES_SHOWN)).boxed().toList());
            }
            toText();
        }
    }

    /** True when the column is text that held numbers: the caller reads it again into {@link #restartAsText}. */
    boolean needsText() {
        return kind == Kind.RETEXT;
    }

    void restartAsText() {
        kind = Kind.TEXT;
        size = 0;
        texts = new String[firstCapacity];
    }

    /** "0", "-12", "345": no sign but '-', no leading zero (nor "-0"), at most 15 digits (exact as a double). */
    static boolean plainInteger(String cell) {
        int from = cell.startsWith("-") ? 1 : 0;
        int digits = cell.length() - from;
        if (digits < 1 || digits > 15 || (digits > 1 || from == 1) && cell.charAt(from) == '0') {
            return false;
        }
        for (int i = from; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True for a number column with a cell written otherwise than as a plain integer (see {@link #plainInteger}). */
    boolean reformatted() {
        return numeric() && reformatted;
    }

    /** True when the column will be a number column. */
    boolean numeric() {
        return kind == Kind.NUMERIC || kind == Kind.DETECT && numberCount > 0;
    }

    boolean forcedNumeric() {
        return kind == Kind.NUMERIC;
    }

    /** For a forced number column: the first cell that is not a number (line and text), or -1. */
    int problemLine() {
        return kind == Kind.NUMERIC && oddCount > 0 ? oddLines[0] : -1;
    }

    String problemCell() {
        return oddTexts[0];
    }

    /** The warnings of a number column: odd cells read as missing, infinite values read as missing. */
    List<DataWarning> warnings() {
        List<DataWarning> warnings = new ArrayList<>();
        if (!numeric()) {
            if (mostlyNumbers != null) {
                warnings.add(mostlyNumbers);
            }
            return warnings;
        }
        // a forced number column reaches here with odd cells only when they are read as missing (a bundle's types)
        if (oddCount > 0 && (kind == Kind.DETECT || kind == Kind.NUMERIC)) {
            String lines = lines(Arrays.stream(oddLines, 0, Math.min(oddCount, LINES_SHOWN)).boxed().toList(), oddCount);
            warnings.add(new DataWarning("non_numeric_cells", name, oddCount, String.format(java.util.Locale.ROOT,
                    "column '%s' is numeric except for %d cell%s (%s; %s), read as missing; to keep it as text set "
                            + "data.column_types: {%s: categorical}, or add the token%s to data.missing_values",
                    name, oddCount, oddCount == 1 ? "" : "s", tokens(oddTokens), lines, name,
                    oddTokens.size() == 1 ? "" : "s")));
        }
        if (dots != null && dots.groupsThousands()) {
            warnings.add(new DataWarning("formatted_numbers", name, dots.dotted, String.format(java.util.Locale.ROOT,
                    "column '%s' is read as decimals, but each of its %d values with a '.' has 1 to 3 digits before it and"
                            + " exactly 3 after (e.g. \"%s\"), as '.' thousands separators write numbers in files with ';'"
                            + " between fields, and none without a '.' reaches 1000; if '.' groups thousands here, set"
                            + " data.thousands: \".\" and data.decimal: \",\"", name, dots.dotted, CsvLayout.shown(dots.example))));
        }
        if (infiniteCount > 0) {
            warnings.add(new DataWarning("infinite_values", name, infiniteCount, String.format(java.util.Locale.ROOT,
                    "column '%s' has %d infinite value%s (%s; %s), read as missing: no model can use them",
                    name, infiniteCount, infiniteCount == 1 ? "" : "s", tokens(infiniteTokens),
                    lines(infiniteLines, infiniteCount))));
        }
        return warnings;
    }

    /**
     * Watches a number column of a file with ';' between fields and '.' as its decimal mark for numbers
     * written with '.' thousands separators ("14.957" for 14957): every value with a '.' has 1 to 3
     * digits before it (no leading zero) and exactly 3 after, and no value without one reaches 1000.
     * Such a file reads without error as decimals a thousand times too small (pandas reads it so too).
     */
    private static final class DotGroups {
        /** Fewer dotted values than this say nothing. */
        private static final int ENOUGH = 10;
        int dotted;
        int grouped;
        int undottedLarge;
        String example;

        void see(String cell) {
            String t = cell.trim();
            int dot = t.indexOf('.');
            int from = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
            if (dot < 0) {
                if (t.length() - from >= 4 && digits(t, from, t.length())) {
                    undottedLarge++;
                }
                return;
            }
            dotted++;
            int before = dot - from;
            if (before >= 1 && before <= 3 && t.charAt(from) != '0' && t.length() - dot - 1 == 3 && digits(t, from, dot)
                    && digits(t, dot + 1, t.length())) {
                grouped++;
                if (example == null) {
                    example = t;
                }
            }
        }

        boolean groupsThousands() {
            return dotted >= ENOUGH && grouped == dotted && undottedLarge == 0;
        }

        private static boolean digits(String t, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return to > from;
        }
    }

    /** "\"abc\" x2, \"#REF!\"". */
    private static String tokens(Map<String, Integer> counts) {
        List<String> shown = new ArrayList<>();
        counts.forEach((token, n) -> shown.add("\"" + CsvLayout.shown(token) + "\"" + (n > 1 ? " x" + n : "")));
        return String.join(", ", shown);
    }

    private static String lines(List<Integer> first, int count) {
        String list = first.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        return (first.size() == 1 ? "line " : "lines ") + list + (count > first.size() ? ", ..." : "");
    }

    /** The values of a number column (longer than the column: only the first rows count), without a copy. */
    double[] values() {
        return values;
    }

    /** The column; a column without any value is text (all ""), unless forced numeric. */
    Column<?> build() {
        if (numeric()) {
            // a column that grew past the file's expected rows may hold up to twice its values: those are trimmed
            return new ReadNumbers(name, values.length > size + size / 4 + FIRST_CAPACITY ? Arrays.copyOf(values, size) : values, size);
        }
        if (kind == Kind.DETECT) {
            String[] blanks = new String[size];
            Arrays.fill(blanks, "");
            return StringColumn.create(name, blanks);
        }
        if (kind != Kind.TEXT) {
            throw new IllegalStateException("column " + name + " has not been read as text yet");
        }
        return StringColumn.create(name, Arrays.asList(texts).subList(0, size));
    }
}
