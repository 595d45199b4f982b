package org.workbench.run;

/** Helpers for comparing a run's predictions.csv with `workbench predict` output. */
public final class PredictionFiles {
    private PredictionFiles() {
    }

    /** A predictions.csv line without its trailing split and truth columns (shipped labels hold no commas). */
    public static String withoutSplitAndTruth(String line) {
        return line.substring(0, line.lastIndexOf(',', line.lastIndexOf(',') - 1));
    }
}
