package org.workbench.core;

/** A typed name for something one stage produces and a later stage consumes. */
public record Artifact<T>(String name, Class<T> type, String producedBy) {
}
