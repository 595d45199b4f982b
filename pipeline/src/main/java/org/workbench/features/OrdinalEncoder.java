package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
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
    public Fitted fit(Table train) {
        for (String name : orders.keySet()) {
            if (!train.columnNames().contains(name)) {
                throw new InputException("features.ordinal_order." + name + ": no column '" + name + "'");
            }
        }
        List<Fitted.Order> fitted = new ArrayList<>();
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
                fitted.add(new Fitted.Order(column.name(), "given", given));
            } else {
                List<String> byFrequency = new ArrayList<>(counts.keySet());
                byFrequency.sort(Comparator.<String>comparingInt(counts::get).reversed()
                        .thenComparing(Comparator.naturalOrder()));
                fitted.add(new Fitted.Order(column.name(), "frequency", byFrequency));
            }
        }
        return new Fitted(fitted);
    }

    /** Each encoded column's level order (from config or by training frequency); a value becomes its position. */
    @JsonTypeName("ordinal")
    public record Fitted(List<Order> columns) implements FittedStep {
        /** Position given to missing values and values outside the order. */
        public static final double UNKNOWN = -1;

        /** One column's levels in order and where the order came from ("given" or "frequency"). */
        public record Order(String column, String source, List<String> levels) {
            public Order {
                levels = List.copyOf(levels);
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, DoubleColumn> encoded = new HashMap<>();
            for (Order order : columns) {
                StringColumn column = FeatureColumns.categorical(features, order.column(), name());
                List<Double> positions = IntStream.range(0, order.levels().size()).asDoubleStream()
                        .boxed().toList();
                LevelCodes codes = LevelCodes.encode(column, order.levels(), positions, UNKNOWN);
                log.count("missing or unseen values in " + order.column() + " (encoded as -1)", codes.unseen());
                encoded.put(order.column(), DoubleColumn.create(order.column(), codes.values()));
            }
            return FeatureColumns.replaced(features, encoded, List.of());
        }

        /** E.g. "Pclass: given order 1=0, 2=1, 3=2". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no categorical columns to encode";
            }
            List<String> parts = new ArrayList<>();
            for (Order o : columns) {
                parts.add(o.column() + ": " + o.source() + " order " + LevelCodes.listed(o.levels(), j -> o.levels().get(j) + "=" + j));
            }
            return String.join("; ", parts) + "; missing or unseen -> -1";
        }
    }
}
