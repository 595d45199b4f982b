package org.workbench.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.workbench.core.StageProgress;

/**
 * A terminal's view of a run: once a stage has run for {@link #SHOW_AFTER_MILLIS}, a progress bar
 * with its name and elapsed time, and with the count of what it reported (rows read, folds, rows
 * scored) when it reports. Quick stages print nothing extra. Tuning draws its own bar, so the
 * stage's bar steps aside when the search starts ({@link #handOver()}).
 */
final class StageBar implements StageProgress, AutoCloseable {
    /** Below this a stage's line appears soon enough on its own. */
    static final long SHOW_AFTER_MILLIS = 1000;

    private final PrintStream terminal;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stage-progress");
        t.setDaemon(true);
        return t;
    });
    private String stage;
    private long started;
    private long pieceStarted;
    private String what;
    private long total = -1;
    private long done;
    private boolean handedOver;
    private ScheduledFuture<?> showing;
    private ProgressBar bar;

    StageBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void stageStarted(String name) {
        stageFinished(stage);
        stage = name;
        started = System.nanoTime();
        what = null;
        total = -1;
        done = 0;
        handedOver = false;
        showing = timer.schedule(this::show, SHOW_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void begin(String piece, long size) {
        what = piece;
        total = size;
        done = 0;
        pieceStarted = System.nanoTime();
        if (bar != null) {
            closeBar();
            openBar();
        }
    }

    @Override
    public synchronized void advance(long count) {
        done += count;
        if (bar != null) {
            bar.stepBy(count);
        }
    }

    @Override
    public synchronized void stageFinished(String name) {
        if (showing != null) {
            showing.cancel(false);
            showing = null;
        }
        closeBar();
        stage = null;
    }

    /** The running stage draws its own bar from now on (the tuning search). */
    synchronized void handOver() {
        handedOver = true;
        closeBar();
    }

    private synchronized void show() {
        if (stage != null && bar == null && !handedOver) {
            openBar();
        }
    }

    private void openBar() {
        if (handedOver) {
            return;
        }
        // the bar's clock starts with what it counts (the stage, or the piece begun last), so its ETA holds
        long since = what == null ? started : pieceStarted;
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(what == null ? stage : stage + ": " + what)
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(terminal))
                .setUpdateIntervalMillis(250).startsFrom(done, Duration.ofNanos(System.nanoTime() - since))
                .clearDisplayOnFinish(); // the stage's own line replaces its bar
        if (total < 0) {
            // no total, so no bar: the name, the count when there is one, and the seconds so far
            boolean counted = what != null;
            builder.setRenderer((state, width) -> {
                String line = String.format(Locale.ROOT, "%s%s (%d s)", state.getTaskName(),
                        counted ? " " + state.getCurrent() : "", state.getTotalElapsed().toSeconds());
                return line.length() > width ? line.substring(0, width) : line;
            });
        }
        bar = builder.build();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        stageFinished(stage);
        timer.shutdownNow();
    }
}
