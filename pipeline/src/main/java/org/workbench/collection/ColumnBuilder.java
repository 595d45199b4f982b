package org.workbench.collection;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * One wanted column, filled cell by cell while the file is scanned. A column whose type the config
 * does not force is held as numbers while every value is one. When text turns up after numbers, the
 * numbers cannot give back the text they were read from ("3504." is 3504.0), so the column stops
 * collecting and is read again as text ({@link #needsText}); text after only missing cells needs no
 * second read.
 */
final class ColumnBuilder {
    /** How the column is being collected. */
    enum Kind {
        /** numbers so far; becomes TEXT or RETEXT at the first cell that is not a number */
        DETECT,
        /** data.column_types says numeric */
        NUMERIC,
        /** data.column_types says categorical, or text came before any number */
        TEXT,
        /** text came after numbers: counted only, to be read again as text */
        RETEXT
    }

    private static final int FIRST_CAPACITY = 1024;

    final String name;
    /** Position in the file, counting every column. */
    final int index;
    private final NumberCheck numbers;
    private Kind kind;
    private double[] values;
    private String[] texts;
    private int size;
    private boolean anyNumber;
    /** The first cell this column cannot hold as its type: row index (or -1), physical line, text. */
    private int problemRow = -1;
    private int problemLine;
    private String problemCell;
    /** What Tablesaw's parser threw on a cell it calls a number; null when the cell is not a number. */
    private RuntimeException parserFailure;

    ColumnBuilder(String name, int index, Kind kind, NumberCheck numbers) {
        this.name = name;
        this.index = index;
        this.numbers = numbers;
        this.kind = kind;
        if (kind == Kind.TEXT) {
            texts = new String[FIRST_CAPACITY];
        } else {
            values = new double[FIRST_CAPACITY];
        }
    }

    /** The next cell: its text as Tablesaw reads it, or null when it is missing. */
    void add(String cell, int line) {
        switch (kind) {
            case TEXT -> addText(cell == null ? "" : cell);
            case RETEXT -> size++;
            default -> addNumber(cell, line);
        }
    }

    private void addNumber(String cell, int line) {
        double value = Double.NaN;
        if (cell != null) {
            try {
                value = numbers.parse(cell);
                anyNumber = true;
            } catch (RuntimeException e) {
                boolean number = numbers.isNumber(cell);
                if (kind == Kind.DETECT && !number) {
                    toText(cell);
                    return;
                }
                // a forced column that is not a number, or a number Tablesaw's parser fails on
                anyNumber |= number;
                if (problemRow < 0) {
                    problemRow = size;
                    problemLine = line;
                    problemCell = cell;
                    parserFailure = number ? e : null;
                }
            }
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    private void toText(String cell) {
        values = null;
        problemRow = -1;
        if (anyNumber) {
            kind = Kind.RETEXT;
            size++;
            return;
        }
        // everything so far was missing, which is "" as text
        kind = Kind.TEXT;
        texts = new String[Math.max(FIRST_CAPACITY, size * 2)];
        Arrays.fill(texts, 0, size, "");
        addText(cell);
    }

    private void addText(String cell) {
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size++] = cell;
    }

    /** True when text came after numbers: the caller reads the column again into {@link #restartAsText}. */
    boolean needsText() {
        return kind == Kind.RETEXT;
    }

    void restartAsText() {
        kind = Kind.TEXT;
        size = 0;
        texts = new String[FIRST_CAPACITY];
    }

    /** True when the column will be a number column. */
    boolean numeric() {
        return kind == Kind.NUMERIC || kind == Kind.DETECT && anyNumber;
    }

    boolean forcedNumeric() {
        return kind == Kind.NUMERIC;
    }

    /** Row index of the first cell that cannot be held as the column's type, or -1. */
    int problemRow() {
        return problemRow;
    }

    int problemLine() {
        return problemLine;
    }

    String problemCell() {
        return problemCell;
    }

    RuntimeException parserFailure() {
        return parserFailure;
    }

    /** The column; a column without any value is text (all ""), unless forced numeric. */
    Column<?> build() {
        if (numeric()) {
            return DoubleColumn.create(name, Arrays.copyOf(values, size));
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
