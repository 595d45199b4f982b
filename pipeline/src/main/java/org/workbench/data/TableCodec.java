package org.workbench.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tables, targets and frames in a small binary form for the stage cache. Tablesaw has no binary
 * format of its own (its CSV would lose NaN against missing, and number formatting), so each
 * column is written as its type, its name and its cells: a number column's doubles bit for bit
 * (NaN, the missing value, included), a text column's distinct values and one code per cell
 * ("" is missing). These are the two column types a table has here; another is refused.
 */
public final class TableCodec {
    private static final byte NUMBERS = 1;
    private static final byte TEXT = 2;

    private TableCodec() {
    }

    public static void writeTable(DataOutputStream out, Table table) throws IOException {
        out.writeBoolean(table.name() != null);
        if (table.name() != null) {
            writeString(out, table.name());
        }
        out.writeInt(table.rowCount());
        out.writeInt(table.columnCount());
        for (Column<?> column : table.columns()) {
            if (column instanceof DoubleColumn numbers) {
                out.writeByte(NUMBERS);
                writeString(out, column.name());
                writeDoubles(out, numbers.asDoubleArray());
            } else if (column instanceof StringColumn text) {
                out.writeByte(TEXT);
                writeString(out, column.name());
                writeText(out, text);
            } else {
                throw new IllegalArgumentException("column '" + column.name() + "' is a " + column.type()
                        + " column, which the stage cache does not store");
            }
        }
    }

    public static Table readTable(DataInputStream in) throws IOException {
        Table table = in.readBoolean() ? Table.create(readString(in)) : Table.create();
        int rows = in.readInt();
        int columns = in.readInt();
        for (int c = 0; c < columns; c++) {
            byte type = in.readByte();
            String name = readString(in);
            Column<?> column = switch (type) {
                case NUMBERS -> DoubleColumn.create(name, readDoubles(in));
                case TEXT -> StringColumn.create(name, readText(in));
                default -> throw new IOException("unknown column type " + type);
            };
            if (column.size() != rows) {
                throw new IOException("column '" + name + "' has " + column.size() + " rows, the table " + rows);
            }
            table.addColumns(column);
        }
        return table;
    }

    public static void writeTarget(DataOutputStream out, Target target) throws IOException {
        out.writeBoolean(target.name() != null);
        if (target.name() != null) {
            writeString(out, target.name());
        }
        out.writeBoolean(target.labels() != null);
        if (target.labels() != null) {
            writeStrings(out, target.labels());
        } else {
            writeDoubles(out, target.values());
        }
    }

    public static Target readTarget(DataInputStream in) throws IOException {
        String name = in.readBoolean() ? readString(in) : null;
        return in.readBoolean() ? new Target(name, readStrings(in), null) : new Target(name, null, readDoubles(in));
    }

    /** A frame; its target may be null. */
    public static void writeFrame(DataOutputStream out, Frame frame) throws IOException {
        writeTable(out, frame.features());
        out.writeBoolean(frame.target() != null);
        if (frame.target() != null) {
            writeTarget(out, frame.target());
        }
    }

    public static Frame readFrame(DataInputStream in) throws IOException {
        Table features = readTable(in);
        return new Frame(features, in.readBoolean() ? readTarget(in) : null);
    }

    /**
     * Predictions, or null: labels as text codes, each row's probabilities and the values as doubles
     * bit for bit. (As JSON they took most of the time of restoring a final model from the cache.)
     */
    public static void writePredictions(DataOutputStream out, Predictions p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        out.writeInt(p.classes().size());
        for (String c : p.classes()) {
            writeString(out, c);
        }
        out.writeBoolean(p.labels() != null);
        if (p.labels() != null) {
            writeStrings(out, p.labels());
        }
        out.writeBoolean(p.probabilities() != null);
        if (p.probabilities() != null) {
            double[][] rows = p.probabilities();
            int cells = 0;
            for (double[] row : rows) {
                cells += row == null ? 0 : row.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(rows.length * Integer.BYTES + cells * Double.BYTES);
            for (double[] row : rows) {
                buffer.putInt(row == null ? -1 : row.length);
                if (row != null) {
                    buffer.asDoubleBuffer().put(row);
                    buffer.position(buffer.position() + row.length * Double.BYTES);
                }
            }
            out.writeInt(rows.length);
            out.write(buffer.array());
        }
        out.writeBoolean(p.values() != null);
        if (p.values() != null) {
            writeDoubles(out, p.values());
        }
    }

    public static Predictions readPredictions(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int k = length(in);
        java.util.List<String> classes = new java.util.ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            classes.add(readString(in));
        }
        String[] labels = in.readBoolean() ? readStrings(in) : null;
        double[][] probabilities = null;
        if (in.readBoolean()) {
            probabilities = new double[length(in)][];
            for (int i = 0; i < probabilities.length; i++) {
                int width = in.readInt();
                if (width < -1) {
                    throw new IOException("bad row width " + width);
                }
                if (width >= 0) {
                    ByteBuffer row = ByteBuffer.wrap(exactly(in, width * Double.BYTES));
                    probabilities[i] = new double[width];
                    row.asDoubleBuffer().get(probabilities[i]);
                }
            }
        }
        double[] values = in.readBoolean() ? readDoubles(in) : null;
        return new Predictions(labels, probabilities, java.util.List.copyOf(classes), values);
    }

    public static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        out.writeInt(values.length);
        out.write(buffer.array());
    }

    public static int[] readInts(DataInputStream in) throws IOException {
        int n = length(in);
        int[] values = new int[n];
        ByteBuffer.wrap(exactly(in, n * Integer.BYTES)).asIntBuffer().get(values);
        return values;
    }

    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        // a bulk copy of the raw bits (a NaN's payload is kept too): one call, not one per value, which
        // matters in a JVM that has not compiled the loop yet (a rerun restoring its tables)
        buffer.asDoubleBuffer().put(values);
        out.writeInt(values.length);
        out.write(buffer.array());
    }

    public static double[] readDoubles(DataInputStream in) throws IOException {
        int n = length(in);
        double[] values = new double[n];
        ByteBuffer.wrap(exactly(in, n * Double.BYTES)).asDoubleBuffer().get(values);
        return values;
    }

    /** Strings that may be null (a target without labels has null cells). */
    public static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        Map<String, Integer> codes = new HashMap<>();
        java.util.List<String> distinct = new java.util.ArrayList<>();
        int[] cells = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                cells[i] = -1;
                continue;
            }
            String v = values[i];
            cells[i] = codes.computeIfAbsent(v, k -> {
                distinct.add(k);
                return distinct.size() - 1;
            });
        }
        out.writeInt(distinct.size());
        for (String v : distinct) {
            writeString(out, v);
        }
        writeInts(out, cells);
    }

    public static String[] readStrings(DataInputStream in) throws IOException {
        int n = length(in);
        String[] distinct = new String[n];
        for (int i = 0; i < n; i++) {
            distinct[i] = readString(in);
        }
        int[] cells = readInts(in);
        String[] values = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] >= n || cells[i] < -1) {
                throw new IOException("bad text code " + cells[i]);
            }
            values[i] = cells[i] < 0 ? null : distinct[cells[i]];
        }
        return values;
    }

    private static void writeText(DataOutputStream out, StringColumn column) throws IOException {
        String[] values = new String[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.get(i);
        }
        writeStrings(out, values);
    }

    private static String[] readText(DataInputStream in) throws IOException {
        String[] values = readStrings(in);
        for (String v : values) {
            if (v == null) {
                throw new IOException("a text cell is null");
            }
        }
        return values;
    }

    public static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(exactly(in, length(in)), StandardCharsets.UTF_8);
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length " + n);
        }
        return n;
    }

    private static byte[] exactly(DataInputStream in, int n) throws IOException {
        if (n < 0) {
            throw new IOException("length overflow");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("the file ends early");
        }
        return bytes;
    }
}
