package org.workbench.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.workbench.data.Target;
import org.workbench.table.DataWarning;

/**
 * Warnings about the classes of a categorical target: imbalance (largest / smallest class at least
 * {@link #IMBALANCE}), a class that never reaches the test split (its test metrics have support 0) or
 * the training split (the model cannot predict it), and a class with fewer training rows than
 * cross-validation folds (some folds have no row of it to score).
 */
final class ClassWarnings {
    /** Largest / smallest class count from which the class balance is worth a warning. */
    static final double IMBALANCE = 3.0;

    private ClassWarnings() {
    }

    static List<DataWarning> of(Target target, DataWarnings.Screen screen, DataWarnings.Setting setting) {
        if (!target.isPresent() || !target.isCategorical() || target.size() == 0) {
            return new ArrayList<>();
        }
        return of(target.name(), target.counts(), screen, setting);
    }

    /** The same, from the rows per class of every row with a target (an engine that counts them without a {@link Target}). */
    static List<DataWarning> of(String target, Map<String, Integer> counts, DataWarnings.Screen screen, DataWarnings.Setting setting) {
        List<DataWarning> out = new ArrayList<>();
        if (counts.isEmpty()) {
            return out;
        }
        imbalance(target, counts, setting.metric()).ifPresent(out::add);
        out.addAll(lookAlike(target, counts));
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String label = e.getKey();
            int rows = e.getValue();
            int train = screen.trainClasses().getOrDefault(label, 0);
            int test = screen.testClasses().getOrDefault(label, 0);
            String which = "class '" + label + "' (" + rows + (rows == 1 ? " row)" : " rows)");
            if (test == 0 && train > 0 && screen.testRows() > 0) {
                out.add(new DataWarning("class_not_in_test", null, rows, which + " never reaches the test split: the test"
                        + " metrics list it with support 0 (precision, recall and F1 of 0, as scikit-learn reports them)"));
            } else if (train == 0 && test > 0) {
                out.add(new DataWarning("class_not_in_train", null, rows, which + " has no training row: the model"
                        + " cannot predict it; set data.split.stratify: true or add rows of it"));
            }
            if (train > 0 && train < setting.cvFolds()) {
                out.add(new DataWarning("class_fewer_than_folds", null, train, String.format(Locale.ROOT,
                        "class '%s' has %d training %s, fewer than the %d cross-validation folds: some folds have no row"
                                + " of it to score", label, train, train == 1 ? "row" : "rows", setting.cvFolds())));
            }
        }
        return out;
    }

    /**
     * Classes that differ only in case or surrounding spaces ("Yes", "yes", "yes "): kept apart, as the file
     * writes them, which is rarely what it means; one warning per group, in sorted order.
     */
    static List<DataWarning> lookAlike(String target, Map<String, Integer> counts) {
        Map<String, List<String>> groups = new java.util.TreeMap<>();
        counts.keySet().stream().sorted().forEach(label -> groups.computeIfAbsent(label.strip().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(label));
        List<DataWarning> out = new ArrayList<>();
        for (List<String> group : groups.values()) {
            if (group.size() > 1) {
                int rows = group.stream().mapToInt(counts::get).sum();
                out.add(new DataWarning("look_alike_classes", null, rows, "target '" + target + "' has classes that differ only in"
                        + " case or surrounding spaces: " + String.join(", ", group.stream().map(l -> "'" + l + "' ("
                        + counts.get(l) + ")").toList()) + "; they are separate classes: if they mean one, write them one way in"
                        + " the file"));
            }
        }
        return out;
    }

    /** A warning when the largest class has at least {@link #IMBALANCE} times the rows of the smallest. */
    static java.util.Optional<DataWarning> imbalance(String target, Map<String, Integer> counts, String metric) {
        if (counts.size() < 2) {
            return java.util.Optional.empty();
        }
        Map.Entry<String, Integer> largest = null;
        Map.Entry<String, Integer> smallest = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (largest == null || e.getValue() > largest.getValue()) {
                largest = e;
            }
            if (smallest == null || e.getValue() < smallest.getValue()) {
                smallest = e;
            }
        }
        double ratio = (double) largest.getValue() / smallest.getValue();
        if (ratio < IMBALANCE) {
            return java.util.Optional.empty();
        }
        String advice = "";
        if ("accuracy".equals(metric)) {
            advice = String.format(Locale.ROOT, "; accuracy rewards always predicting '%s': consider problem.metric:"
                    + " balanced_accuracy, %s or average_precision", largest.getKey(), counts.size() == 2 ? "f1" : "f1_macro");
        }
        return java.util.Optional.of(new DataWarning("class_imbalance", target, ratio, String.format(Locale.ROOT,
                "class imbalance in '%s': '%s' has %d rows, '%s' %d (%.1f : 1)%s", target, largest.getKey(),
                largest.getValue(), smallest.getKey(), smallest.getValue(), ratio, advice)));
    }
}
