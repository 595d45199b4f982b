package org.workbench.models;

/**
 * A trainer that reads a {@link org.workbench.data.TableDataset}'s columns itself, so it is handed the
 * table rather than Tribuo examples of it.
 */
public interface TableTrainer {
    /**
     * Whether this trainer, as configured, reads the table's columns; when not (a setting it leaves to
     * Tribuo's own code), it is handed Tribuo examples as any other trainer.
     */
    default boolean readsTable() {
        return true;
    }
}
