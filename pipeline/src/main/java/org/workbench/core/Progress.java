package org.workbench.core;

/**
 * Where a long piece of work reports that a batch starts and ends (the tuning search adds its
 * trials). Calls may come from worker threads; implementations are synchronised.
 */
public interface Progress {
    /** A new batch of {@code total} jobs begins, e.g. "grid" or "validation curve". */
    void start(String what, int total);

    void finish();
}
