package org.workbench.collection;

import java.util.Map;
import org.workbench.stats.BinnedSample;

/**
 * The training split's number columns, each summarised as the bundle's drift profile keeps it, by column
 * name: made while the collection stage sorts every column for its profile, so that the deployment
 * stage need not sort the training rows again.
 */
public record TrainingNumbers(Map<String, BinnedSample> columns) {
    public TrainingNumbers {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }
}
