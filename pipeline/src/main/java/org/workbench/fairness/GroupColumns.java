package org.workbench.fairness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.workbench.data.Labels;
import tech.tablesaw.api.Table;

/** The group of every row, per grouping: each listed column on its own, then (with two or more) their intersection. */
final class GroupColumns {
    /** The group of a row whose value is missing: a group of its own. */
    static final String MISSING = "(missing)";
    static final String JOIN = " & ";

    private GroupColumns() {
    }

    /** Grouping name (a column, or "a & b") to each row's group, in the order the columns are listed. */
    static Map<String, String[]> of(Table raw, List<String> columns) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String column : columns) {
            String[] labels = Labels.of(raw.column(column));
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i] == null ? MISSING : labels[i];
            }
            out.put(column, labels);
        }
        if (columns.size() > 1) {
            String[] joined = new String[raw.rowCount()];
            for (int i = 0; i < joined.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (String column : columns) {
                    sb.append(sb.length() == 0 ? "" : JOIN).append(out.get(column)[i]);
                }
                joined[i] = sb.toString();
            }
            out.put(String.join(JOIN, columns), joined);
        }
        return out;
    }
}
