package org.workbench.data;

/** What kind of answer the model gives. */
public enum Task {
    CLASSIFICATION, REGRESSION;

    public String label() {
        return name().toLowerCase();
    }
}
