package org.workbench.data;

import java.util.Locale;

/**
 * What kind of answer the model gives: a class, a number, or (clustering, unsupervised) the group a
 * row falls into, learned without any target.
 */
public enum Task {
    CLASSIFICATION, REGRESSION, CLUSTERING;

    public String label() {
        return name().toLowerCase(Locale.ROOT); // under a Turkish locale I would become a dotless i
    }
}
