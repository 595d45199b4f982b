package org.workbench.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Each encoded column's level order (from config or by training frequency); a value becomes its position. */
public record FittedOrdinalEncoder(List<Order> columns) implements FittedStep {
    /** Position given to missing values and values outside the order. */
    public static final double UNKNOWN = -1;

    /** One column's levels in order and where the order came from ("given" or "frequency"). */
    public record Order(String column, String source, List<String> levels) {
        public Order {
            levels = List.copyOf(levels);
        }
    }

    public FittedOrdinalEncoder {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "ordinal";
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
            List<String> pairs = new ArrayList<>();
            for (int j = 0; j < Math.min(o.levels().size(), 6); j++) {
                pairs.add(o.levels().get(j) + "=" + j);
            }
            String more = o.levels().size() > 6 ? ", ... " + (o.levels().size() - 6) + " more" : "";
            parts.add(o.column() + ": " + o.source() + " order " + String.join(", ", pairs) + more);
        }
        return String.join("; ", parts) + "; missing or unseen -> -1";
    }
}
