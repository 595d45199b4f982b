package org.workbench.selection;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Keeps the features named in {@code include} (all of them when it is empty), minus those named in
 * {@code exclude}. A name matches a feature of that exact name, or every one-hot feature of that
 * source column: "Sex" matches "Sex=female" and "Sex=male". Kept features stay in table order.
 */
public record FeatureSelector(List<String> include, List<String> exclude) implements UnsupervisedStep {
    public FeatureSelector {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    @Override
    public String name() {
        return "select";
    }

    @Override
    public Fitted fit(Table train) {
        List<String> features = train.columnNames();
        Set<String> kept = new LinkedHashSet<>(
                include.isEmpty() ? features : matches(include, features, "select.include"));
        kept.removeAll(matches(exclude, features, "select.exclude"));
        if (kept.isEmpty()) {
            throw new InputException("select: include " + include + " and exclude " + exclude
                    + " leave none of the " + features.size() + " features");
        }
        List<String> keptInOrder = features.stream().filter(kept::contains).toList();
        List<String> dropped = features.stream().filter(f -> !kept.contains(f)).toList();
        return new Fitted(keptInOrder, dropped);
    }

    static boolean matches(String name, String feature) {
        return feature.equals(name) || feature.startsWith(name + "=");
    }

    /** The features matched by any of {@code names}; a name matching nothing is a config error. */
    private static Set<String> matches(List<String> names, List<String> features, String path) {
        Set<String> matched = new LinkedHashSet<>();
        for (String name : names) {
            List<String> hits = features.stream().filter(f -> matches(name, f)).toList();
            if (hits.isEmpty()) {
                throw new InputException(path + ": no feature '" + name + "'" + hint(name, features));
            }
            matched.addAll(hits);
        }
        return matched;
    }

    /** Suggests a feature or a one-hot source column (the part before '='). */
    private static String hint(String name, List<String> features) {
        Set<String> candidates = new LinkedHashSet<>(features);
        for (String f : features) {
            int eq = f.indexOf('=');
            if (eq > 0) {
                candidates.add(f.substring(0, eq));
            }
        }
        String nearest = Suggest.nearest(name, new ArrayList<>(candidates));
        return nearest != null ? "; did you mean '" + nearest + "'?" : "";
    }

    /** The features to keep, in order, and those left out, as decided on the training rows. */
    @JsonTypeName("select")
    public record Fitted(List<String> features, List<String> dropped) implements FittedStep {
        public Fitted {
            features = List.copyOf(features);
            dropped = List.copyOf(dropped);
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
}
