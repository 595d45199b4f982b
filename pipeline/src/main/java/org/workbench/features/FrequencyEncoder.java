package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
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
    public Fitted fit(Table train) {
        List<Fitted.Frequencies> fitted = new ArrayList<>();
        for (StringColumn column : columns.of(train, "features.encode_columns")) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (int i = 0; i < column.size(); i++) {
                if (!column.get(i).isEmpty()) {
                    counts.merge(column.get(i), 1, Integer::sum);
                }
            }
            List<Double> fractions = counts.values().stream().map(c -> (double) c / column.size()).toList();
            fitted.add(new Fitted.Frequencies(column.name(), List.copyOf(counts.keySet()), fractions));
        }
        return new Fitted(fitted);
    }

    /** Each encoded column's training levels (sorted) and the fraction of training rows holding each. */
    @JsonTypeName("frequency")
    public record Fitted(List<Frequencies> columns) implements FittedStep {

        /** One column: {@code fractions.get(j)} belongs to {@code levels.get(j)}. */
        public record Frequencies(String column, List<String> levels, List<Double> fractions) {
            public Frequencies {
                levels = List.copyOf(levels);
                fractions = List.copyOf(fractions);
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            Map<String, DoubleColumn> encoded = new HashMap<>();
            for (Frequencies f : columns) {
                StringColumn column = FeatureColumns.categorical(features, f.column(), name());
                LevelCodes codes = LevelCodes.encode(column, f.levels(), f.fractions(), 0);
                log.count("missing or unseen values in " + f.column() + " (encoded as 0)", codes.unseen());
                encoded.put(f.column(), DoubleColumn.create(f.column(), codes.values()));
            }
            return FeatureColumns.replaced(features, encoded, List.of());
        }

        /** E.g. "Embarked: C 0.1882, Q 0.0857, S 0.7261". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no categorical columns to encode";
            }
            List<String> parts = new ArrayList<>();
            for (Frequencies f : columns) {
                parts.add(f.column() + ": " + LevelCodes.listed(f.levels(),
                        j -> f.levels().get(j) + " " + Numbers.format(f.fractions().get(j))));
            }
            return String.join("; ", parts);
        }
    }
}
