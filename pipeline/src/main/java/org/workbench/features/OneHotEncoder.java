package org.workbench.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workbench.core.InputException;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One-hot encodes categorical columns: one 0/1 numeric column {@code column=level} per level seen in
 * the training rows. With {@code maxLevels > 0}, only the that many most frequent levels (ties broken
 * alphabetically) get their own column and the rarer training levels share {@code column=other}.
 * Missing ("") is not a level, so a missing category encodes as all zeros, like a level never seen
 * in training.
 */
public record OneHotEncoder(int maxLevels, CategoricalColumns columns) implements UnsupervisedStep {
    public static final String OTHER = "other";

    public OneHotEncoder() {
        this(0, CategoricalColumns.ALL);
    }

    @Override
    public String name() {
        return "onehot";
    }

    @Override
    public FittedOneHotEncoder fit(Table train) {
        List<FittedOneHotEncoder.Levels> encoded = new ArrayList<>();
        for (StringColumn text : columns.of(train, "features.encode_columns")) {
            encoded.add(levels(text));
        }
        FittedOneHotEncoder fitted = new FittedOneHotEncoder(encoded);
        checkNamesDiffer(train, fitted);
        return fitted;
    }

    /** Levels sorted so the output columns come in a fixed order; rare ones pooled when capped. */
    private FittedOneHotEncoder.Levels levels(StringColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.get(i).isEmpty()) {
                counts.merge(column.get(i), 1, Integer::sum);
            }
        }
        List<String> byFrequency = new ArrayList<>(counts.keySet());
        byFrequency.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        if (maxLevels <= 0 || byFrequency.size() <= maxLevels) {
            return new FittedOneHotEncoder.Levels(column.name(), byFrequency.stream().sorted().toList());
        }
        List<String> kept = byFrequency.subList(0, maxLevels).stream().sorted().toList();
        List<String> rare = byFrequency.subList(maxLevels, byFrequency.size()).stream().sorted().toList();
        return new FittedOneHotEncoder.Levels(column.name(), kept, rare);
    }

    /** Table column names ignore case, so "Sex=male" and "Sex=Male" (or an existing column) would clash. */
    private static void checkNamesDiffer(Table train, FittedOneHotEncoder fitted) {
        Set<String> seen = new HashSet<>();
        for (String kept : fitted.outputColumns(train.columnNames())) {
            if (!seen.add(kept.toLowerCase(Locale.ROOT))) {
                throw new InputException("features.encode: the one-hot column '" + kept
                        + "' clashes with another column whose name differs only in case;"
                        + " make the categories of that column differ by more than case");
            }
        }
    }
}
