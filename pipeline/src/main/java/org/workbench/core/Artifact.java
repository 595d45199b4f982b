package org.workbench.core;

/**
 * A typed name for something one stage produces and later stages consume. {@code producedBy} names
 * the one stage that writes it (or who supplies it before the run, e.g. "runner"); the pipeline
 * checks that name against the stages' declared outputs.
 */
public record Artifact<T>(String name, Class<T> type, String producedBy) {
}
