package org.workbench.fairness;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.workbench.config.ConfigException;
import org.workbench.config.Suggest;
import org.workbench.data.Labels;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import tech.tablesaw.api.Table;

/** The pre-fit check of {@code evaluate.fairness}, on the whole raw table. */
public final class FairnessCheck {
    private FairnessCheck() {
    }

    /**
     * Refuses an audit that cannot run: clustering, several classes without a positive class, a group
     * column the file does not have (with the nearest name), the target, or a column with more than
     * {@code max_levels} distinct values.
     */
    public static void check(FairnessConfig config, Table table, Problem problem, String file) {
        if (!config.enabled()) {
            return;
        }
        if (problem.task() == Task.CLUSTERING) {
            throw new ConfigException("evaluate.fairness", "compares predictions with the truth per group; clustering has no target");
        }
        if (problem.task() == Task.CLASSIFICATION && problem.positiveClass() == null) {
            throw new ConfigException("evaluate.fairness", "selection rate and true- and false-positive rates need a positive"
                    + " class, and '" + problem.target() + "' has " + problem.classes().size() + " classes: set"
                    + " problem.positive_class to audit that class against the others (one-vs-rest, as Fairlearn's pos_label)");
        }
        List<String> columns = table.columnNames();
        for (String group : config.groups()) {
            if (!columns.contains(group)) { // exact: Tablesaw's containsColumn ignores case
                String nearest = Suggest.nearest(group, columns);
                throw new ConfigException("evaluate.fairness.groups", "no column '" + group + "' in " + file
                        + (nearest == null ? "; columns are " + String.join(", ", columns) : "; did you mean '" + nearest + "'?"));
            }
            if (group.equals(problem.target())) {
                throw new ConfigException("evaluate.fairness.groups", "'" + group + "' is the target; audit by another column");
            }
            Set<String> levels = new HashSet<>();
            for (String v : Labels.of(table.column(group))) {
                levels.add(v == null ? GroupColumns.MISSING : v);
            }
            if (levels.size() > config.maxLevels()) {
                throw new ConfigException("evaluate.fairness.groups", "'" + group + "' has " + levels.size() + " distinct"
                        + " values, more than evaluate.fairness.max_levels (" + config.maxLevels() + "): audit by a column"
                        + " of a few groups (cut a number into bands in the file first), or raise max_levels");
            }
        }
    }
}
