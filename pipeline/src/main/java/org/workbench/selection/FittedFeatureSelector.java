package org.workbench.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The features to keep, in order, and those left out, as decided on the training rows. */
public record FittedFeatureSelector(List<String> features, List<String> dropped) implements FittedStep {
    public FittedFeatureSelector {
        features = List.copyOf(features);
        dropped = List.copyOf(dropped);
    }

    @Override
    public String name() {
        return "select";
    }

    /**
     * Keeps exactly the selected features. The earlier fitted steps always produce them, so an
     * absent one is a bug, not bad input.
     */
    @Override
    public Table apply(Table table, ApplyLog log) {
        Set<String> present = new HashSet<>(table.columnNames());
        List<Column<?>> out = new ArrayList<>(features.size());
        for (String feature : features) {
            if (!present.contains(feature)) {
                throw new IllegalStateException("select: selected feature '" + feature
                        + "' is not among the features " + table.columnNames());
            }
            out.add(table.column(feature).copy());
        }
        return Table.create(table.name(), out);
    }

    /** E.g. "kept 3 of 5 features: Age, Sex=female, Sex=male; dropped: Fare, Pclass". */
    @Override
    public String summary() {
        int total = features.size() + dropped.size();
        String text = "kept " + features.size() + " of " + total + " features: " + preview(features);
        return dropped.isEmpty() ? text : text + "; dropped: " + preview(dropped);
    }

    private static String preview(List<String> names) {
        int shown = Math.min(names.size(), 10);
        String text = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? text + ", ... " + (names.size() - shown) + " more" : text;
    }
}
