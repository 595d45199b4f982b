package org.workbench.cli;

import java.io.PrintWriter;
import org.workbench.tuning.TuningProgress;

/** How a command shows the search's progress: a bar on a terminal, plain lines otherwise, nothing with --quiet. */
final class Progress {
    private Progress() {
    }

    static TuningProgress of(OutputOptions output, PrintWriter err) {
        if (output.quiet) {
            return TuningProgress.silent();
        }
        if (System.console() != null) {
            return TuningProgress.bar(System.err);
        }
        return TuningProgress.lines(line -> {
            err.println("        " + line);
            err.flush();
        });
    }
}
