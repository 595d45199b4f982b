package org.workbench.tuning;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.workbench.core.Artifact;
import org.workbench.core.Progress;

/**
 * Where the search reports each finished trial: a progress bar on a terminal, plain lines
 * otherwise, or nothing. Calls come from worker threads; implementations are synchronised.
 */
public interface TuningProgress extends Progress {
    /** Put into a run's context by the caller; without it the search is silent. */
    Artifact<TuningProgress> KEY = new Artifact<>("tuning_progress", TuningProgress.class, "command line");

    /** One trial is scored; {@code best} is the best mean score so far. */
    void trialDone(Trial trial, String metric, double best);

    static TuningProgress silent() {
        return new TuningProgress() {
            @Override
            public void start(String what, int total) {
            }

            @Override
            public void trialDone(Trial trial, String metric, double best) {
            }

            @Override
            public void finish() {
            }
        };
    }

    /** One line per trial: "grid trial 3/12: f1_macro 0.7812 (best 0.7901), ETA 12 s". */
    static TuningProgress lines(Consumer<String> sink) {
        return new TuningProgress() {
            private String what = "";
            private int total;
            private int done;
            private long started;

            @Override
            public synchronized void start(String what, int total) {
                this.what = what;
                this.total = total;
                this.done = 0;
                this.started = System.nanoTime();
            }

            @Override
            public synchronized void trialDone(Trial trial, String metric, double best) {
                done++;
                double elapsed = (System.nanoTime() - started) / 1e9;
                double eta = elapsed / done * (total - done);
                sink.accept(String.format(Locale.ROOT, "%s trial %d/%d: %s %.4f (best %.4f), ETA %.0f s", what, done, total,
                        metric, trial.mean(), best, eta));
            }

            @Override
            public void finish() {
            }
        };
    }

    /** A redrawn progress bar (trial i/n, elapsed, ETA, best so far) for a terminal. */
    static TuningProgress bar(PrintStream terminal) {
        return new TuningProgress() {
            private ProgressBar bar;

            @Override
            public synchronized void start(String what, int total) {
                finish();
                bar = new ProgressBarBuilder().setTaskName(what).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(terminal)).setUpdateIntervalMillis(250).build();
            }

            @Override
            public synchronized void trialDone(Trial trial, String metric, double best) {
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, "best %s %.4f", metric, best));
                }
            }

            @Override
            public synchronized void finish() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }
        };
    }
}
