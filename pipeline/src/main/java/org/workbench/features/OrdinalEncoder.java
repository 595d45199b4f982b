package org.workbench.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.workbench.core.InputException;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Replaces each categorical column by the position of its value in an order: the order given in
 * {@code orders} for that column (e.g. low, medium, high), or else by training frequency (most
 * frequent = 0, ties alphabetically). Missing and unseen values become -1 and are counted.
 */
public record OrdinalEncoder(Map<String, List<String>> orders, CategoricalColumns columns) implements UnsupervisedStep {
    public OrdinalEncoder {
        orders = Map.copyOf(orders);
    }

    @Override
    public String name() {
        return "ordinal";
    }

    @Override
    public FittedOrdinalEncoder fit(Table train) {
        for (String name : orders.keySet()) {
            if (!train.columnNames().contains(name)) {
                throw new InputException("features.ordinal_order." + name + ": no column '" + name + "'");
            }
        }
        List<FittedOrdinalEncoder.Order> fitted = new ArrayList<>();
        for (StringColumn column : columns.of(train, "features.encode_columns")) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < column.size(); i++) {
                if (!column.get(i).isEmpty()) {
                    counts.merge(column.get(i), 1, Integer::sum);
                }
            }
            List<String> given = orders.get(column.name());
            if (given != null) {
                List<String> unlisted = counts.keySet().stream().filter(v -> !given.contains(v)).sorted().toList();
                if (!unlisted.isEmpty()) {
                    throw new InputException("features.ordinal_order." + column.name() + ": the training rows hold "
                            + unlisted + ", which the order " + given + " does not list");
                }
                fitted.add(new FittedOrdinalEncoder.Order(column.name(), "given", given));
            } else {
                List<String> byFrequency = new ArrayList<>(counts.keySet());
                byFrequency.sort(Comparator.<String>comparingInt(counts::get).reversed()
                        .thenComparing(Comparator.naturalOrder()));
                fitted.add(new FittedOrdinalEncoder.Order(column.name(), "frequency", byFrequency));
            }
        }
        return new FittedOrdinalEncoder(fitted);
    }
}
