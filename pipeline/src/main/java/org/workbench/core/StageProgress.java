package org.workbench.core;

/**
 * Where a run reports how far it has got: the pipeline says when each stage starts and ends, and a
 * long piece of work inside a stage counts its units (rows read, folds, rows scored). How it is
 * shown is the caller's business; the default shows nothing. Calls may come from worker threads;
 * implementations are synchronised.
 */
public interface StageProgress {
    /** Reports nowhere: the default of a run, and what a non-terminal or quiet command line keeps. */
    StageProgress SILENT = new StageProgress() {
    };

    /**
     * Stages' outputs are about to be loaded from the stage cache for the stages that run next (not
     * called when every stage is restored and only what is read after the run is loaded).
     */
    default void restoring() {
    }

    /** The named stage begins. */
    default void stageStarted(String stage) {
    }

    /** A counted piece of work begins, e.g. "rows read" ({@code total} -1 when not known ahead) or "folds". */
    default void begin(String what, long total) {
    }

    /** {@code count} more units of the piece begun last are done. */
    default void advance(long count) {
    }

    /** The named stage has ended (also when it failed). */
    default void stageFinished(String stage) {
    }
}
