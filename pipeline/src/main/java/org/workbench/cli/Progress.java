package org.workbench.cli;

import java.io.PrintWriter;
import org.workbench.tuning.Trial;
import org.workbench.tuning.TuningProgress;

/**
 * How a command shows progress: bars on a terminal, nothing with --quiet; off a terminal only the
 * search's plain lines, so what a run prints to a file or pipe does not change.
 */
final class Progress {
    private Progress() {
    }

    /** The stages' bar on a terminal; null when not a terminal or with --quiet (the run stays silent). */
    static StageBar stages(OutputOptions output) {
        return output.quiet || System.console() == null ? null : new StageBar(System.err);
    }

    static TuningProgress of(OutputOptions output, PrintWriter err) {
        return of(output, err, null);
    }

    /** The search's display; on a terminal it takes the line over from the stage's bar when a search starts. */
    static TuningProgress of(OutputOptions output, PrintWriter err, StageBar stages) {
        if (output.quiet) {
            return TuningProgress.silent();
        }
        if (System.console() != null) {
            TuningProgress bar = TuningProgress.bar(System.err);
            return stages == null ? bar : handingOver(bar, stages);
        }
        return TuningProgress.lines(line -> {
            err.println("        " + line);
            err.flush();
        });
    }

    private static TuningProgress handingOver(TuningProgress bar, StageBar stages) {
        return new TuningProgress() {
            @Override
            public void start(String what, int total) {
                stages.handOver();
                bar.start(what, total);
            }

            @Override
            public void trialDone(Trial trial, String metric, double best) {
                bar.trialDone(trial, metric, best);
            }

            @Override
            public void finish() {
                bar.finish();
            }
        };
    }
}
