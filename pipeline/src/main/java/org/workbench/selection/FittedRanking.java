package org.workbench.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.core.InputException;
import org.workbench.recipe.Numbers;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Every feature's training score under {@code method} ({@code measure} names the number), whether it
 * was kept, and why not. Applying keeps exactly the kept features, in table order.
 */
public record FittedRanking(String method, String measure, List<Score> scores) implements FittedStep {

    /** One feature's score and fate; {@code reason} is empty for a kept feature. */
    public record Score(String feature, double score, boolean kept, String reason) {
    }

    public FittedRanking {
        scores = List.copyOf(scores);
    }

    /** The ranking, checked to keep at least one feature. */
    static FittedRanking of(String method, String measure, List<Score> scores) {
        if (scores.stream().noneMatch(Score::kept)) {
            throw new InputException("select.method " + method + ": no feature passes (" + scores.size()
                    + " features); lower select.threshold or raise select.k");
        }
        return new FittedRanking(method, measure, scores);
    }

    @Override
    public String name() {
        return "select_" + method;
    }

    public List<String> features() {
        return scores.stream().filter(Score::kept).map(Score::feature).toList();
    }

    @Override
    public Table apply(Table table, ApplyLog log) {
        Set<String> present = new HashSet<>(table.columnNames());
        List<Column<?>> out = new ArrayList<>();
        for (String feature : features()) {
            if (!present.contains(feature)) {
                throw new IllegalStateException(name() + ": selected feature '" + feature
                        + "' is not among the features " + table.columnNames());
            }
            out.add(table.column(feature).copy());
        }
        return Table.create(table.name(), out);
    }

    /** E.g. "f_test kept 3 of 5 by F: Sex=male 120.5, Pclass=3 60.2, ...; dropped: Parch 0.8 (not in the top 3)". */
    @Override
    public String summary() {
        List<Score> ranked = new ArrayList<>(scores);
        ranked.sort(Comparator.comparingDouble(Score::score).reversed());
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Score s : ranked) {
            String text = s.feature() + " " + Numbers.format(s.score());
            if (s.kept()) {
                kept.add(text);
            } else {
                dropped.add(text + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")"));
            }
        }
        return method + " kept " + kept.size() + " of " + scores.size() + " by " + measure + ": "
                + preview(kept) + (dropped.isEmpty() ? "" : "; dropped: " + preview(dropped));
    }

    private static String preview(List<String> items) {
        int shown = Math.min(items.size(), 12);
        String text = String.join(", ", items.subList(0, shown));
        return items.size() > shown ? text + ", ... " + (items.size() - shown) + " more" : text;
    }
}
