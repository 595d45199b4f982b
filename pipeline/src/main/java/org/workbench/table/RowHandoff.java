package org.workbench.table;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.workbench.core.Background;

/**
 * Hands the parser's rows, in batches and in order, to a second thread that turns them into column
 * values, so parsing the text and converting the cells (numbers, level counts) run side by side. On
 * 1,000,000 rows x 23 columns (157 MB) parsing alone takes about 0.9 s of CPU and conversion about
 * as much, so the two threads are about balanced.
 *
 * <p>Errors read as in a single-threaded read: the converting thread stops at its first bad row and
 * its exception is rethrown on the reading thread; when the parser fails too, on a later line, the
 * earlier row's error wins, as it would have been met first.
 */
final class RowHandoff implements CsvLayout.Rows, AutoCloseable {
    /** Rows per batch: large enough that queueing costs nothing per row, small enough to start at once. */
    static final int BATCH = 2_048;
    private static final Batch END = new Batch(new String[0][], new int[0], 0);

    private record Batch(String[][] cells, int[] lines, int size) {
    }

    private final CsvLayout.Rows rows;
    /** A few batches in flight bound the memory held between the threads. */
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private Background<Void> converter;
    private volatile boolean failed;
    private String[][] cells = new String[BATCH][];
    private int[] lines = new int[BATCH];
    private int size;

    RowHandoff(CsvLayout.Rows rows) {
        this.rows = rows;
    }

    @Override
    public void start(List<String> names) {
        rows.start(names);
        converter = Background.start("csv-columns", this::convert);
    }

    @Override
    public void accept(String[] row, int line) {
        cells[size] = row;
        lines[size++] = line;
        if (size == BATCH) {
            hand(new Batch(cells, lines, size));
            cells = new String[BATCH][];
            lines = new int[BATCH];
            size = 0;
        }
    }

    /** Hands over the last rows and waits for the conversion; rethrows its error. */
    void finish() {
        if (converter == null) {
            return;
        }
        if (size > 0) {
            hand(new Batch(cells, lines, size));
            size = 0;
        }
        hand(END);
        Background<Void> done = converter;
        converter = null;
        done.join();
    }

    /**
     * Called when the parser failed (and after {@link #finish}): waits for the rows already handed
     * over. A conversion error among them is thrown instead of the parser's, being on an earlier line.
     */
    @Override
    public void close() {
        if (converter == null) {
            return;
        }
        Background<Void> done = converter;
        converter = null;
        offer(END);
        done.join();
    }

    /** Queues a batch; false when the converter has failed (and will take no more). */
    private boolean offer(Batch batch) {
        try {
            while (!failed) {
                if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the CSV file", e);
        }
    }

    private void hand(Batch batch) {
        if (!offer(batch)) {
            converter.join(); // the converter failed: its error stops the parse here
        }
    }

    private void convert() {
        try {
            for (Batch batch = take(); batch != END; batch = take()) {
                for (int i = 0; i < batch.size(); i++) {
                    rows.accept(batch.cells()[i], batch.lines()[i]);
                }
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            throw e;
        }
    }

    private Batch take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the CSV file", e);
        }
    }
}
