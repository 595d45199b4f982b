package org.workbench.models;

/**
 * A trainer that reads a {@link org.workbench.data.TableDataset}'s columns itself, so it is handed the
 * table rather than Tribuo examples of it.
 */
public interface TableTrainer {
}
