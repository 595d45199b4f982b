package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Replaces each categorical column by how common its value was in the training rows (the fraction of
 * training rows holding it). Missing and unseen values become 0 and are counted.
 */
public record FrequencyEncoder(CategoricalColumns columns) implements UnsupervisedStep {

    @Override
    public String name() {
        return "frequency";
    }

    @Override
    public FittedFrequencyEncoder fit(Table train) {
        List<FittedFrequencyEncoder.Frequencies> fitted = new ArrayList<>();
        for (StringColumn column : columns.of(train, "features.encode_columns")) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < column.size(); i++) {
                if (!column.get(i).isEmpty()) {
                    counts.merge(column.get(i), 1, Integer::sum);
                }
            }
            List<Double> fractions = counts.values().stream().map(c -> (double) c / column.size()).toList();
            fitted.add(new FittedFrequencyEncoder.Frequencies(column.name(), List.copyOf(counts.keySet()), fractions));
        }
        return new FittedFrequencyEncoder(fitted);
    }
}
