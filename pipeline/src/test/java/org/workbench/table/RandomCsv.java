package org.workbench.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small random CSV file with the cells that make reading hard: Tablesaw's number quirks, missing
 * markers, quotes, delimiters and line breaks inside values, text turning up after numbers; plus a
 * random read config (delimiter, header, markers, forced types, a column subset).
 */
record RandomCsv(String content, char delimiter, boolean header, List<String> markers,
                 Map<String, String> types, Set<String> only) {

    private static final String[] NUMBERS = {"1", "-2.5", "3504.", "007", "1e5", "1E-3", "NaN", "Infinity", "-0",
        "0x1p3", "1d", "2f", "1,234", "+4", ".5", "5%", "12.5%", "1e5%", " 8 ", "0.1", "-17", "1,5", "3.25"};
    private static final String[] BROKEN = {"1,5%", "5%,,", ",,,", "%", "1_000"};
    private static final String[] MISSING = {"", "NA", "?", "-", "n/a", " "};
    private static final String[] TEXT = {"abc", "a b", "x,y", "x;y", "say \"hi\"", "line\nbreak", "cr\r\nlf",
        "  padded  ", "T", "2020-01-05", "#tag", "\u00e9 \u00fc", "\"", "a\tb", "NA ", "true"};
    private static final List<List<String>> MARKER_SETS = List.of(
            List.of("", "NA", "?"), List.of(""), List.of("-", "n/a"), List.of(), List.of("?", "NaN"));

    static RandomCsv make(Random random) {
        List<String> markers = MARKER_SETS.get(random.nextInt(MARKER_SETS.size()));
        char delimiter = new char[] {',', ';', '\t'}[random.nextInt(3)];
        boolean header = random.nextInt(100) < 85;
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        int columns = 1 + random.nextInt(6);
        int rows = 1 + random.nextInt(30);
        List<String> names = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        List<String> headerCells = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            String name = (random.nextBoolean() ? "col" : "Field x") + c;
            names.add(header ? name : "C" + c);
            headerCells.add(write(random.nextInt(5) == 0 ? " " + name + " " : name, delimiter, random));
        }
        if (header) {
            out.append(String.join(String.valueOf(delimiter), headerCells)).append(newline);
        }
        String[] missing = markers.isEmpty() ? new String[] {""} : markers.toArray(String[]::new);
        int[] styles = new int[columns];
        int[] switchAt = new int[columns];
        for (int c = 0; c < columns; c++) {
            styles[c] = random.nextInt(5);
            switchAt[c] = random.nextInt(rows + 1);
        }
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                String token = random.nextInt(6) == 0 ? pick(random, random.nextInt(3) == 0 ? MISSING : missing)
                        : token(random, styles[c], r >= switchAt[c]);
                cells.add(write(token, delimiter, random));
            }
            String line = String.join(String.valueOf(delimiter), cells);
            if (columns == 1 && line.isBlank()) {
                line = "\"\"";
            }
            out.append(line);
            if (r < rows - 1 || random.nextBoolean()) {
                out.append(newline);
            }
            if (random.nextInt(20) == 0) {
                out.append(newline);
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> only = null;
        for (String name : names) {
            int pick = random.nextInt(100);
            if (pick < 6) {
                types.put(name, "numeric");
            } else if (pick < 16) {
                types.put(name, "categorical");
            }
        }
        if (random.nextInt(3) == 0) {
            only = new LinkedHashSet<>();
            for (String name : names) {
                if (random.nextBoolean()) {
                    only.add(name);
                }
            }
            if (only.isEmpty() || random.nextInt(25) == 0) {
                only.add(random.nextBoolean() ? names.get(0) : "nowhere");
            }
        }
        return new RandomCsv(out.toString(), delimiter, header, markers, types, only == null ? null : Set.copyOf(only));
    }

    /** Styles: 0 numbers, 1 numbers then text, 2 text, 3 missing only, 4 numbers with a rare broken one. */
    private static String token(Random random, int style, boolean late) {
        return switch (style) {
            case 0 -> pick(random, NUMBERS);
            case 1 -> late ? pick(random, random.nextBoolean() ? TEXT : NUMBERS) : pick(random, NUMBERS);
            case 2 -> pick(random, random.nextInt(4) == 0 ? NUMBERS : TEXT);
            case 3 -> "";
            default -> random.nextInt(15) == 0 ? pick(random, BROKEN) : pick(random, NUMBERS);
        };
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** The cell as written: quoted when it must be, sometimes when it need not be. */
    private static String write(String value, char delimiter, Random random) {
        boolean must = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!must && random.nextInt(4) != 0) {
            return value;
        }
        String quoted = "\"" + value.replace("\"", "\"\"") + "\"";
        return random.nextInt(30) == 0 ? " " + quoted : quoted;
    }

}
