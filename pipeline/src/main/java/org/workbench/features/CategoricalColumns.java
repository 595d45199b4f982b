package org.workbench.features;

import java.util.ArrayList;
import java.util.List;
import org.workbench.config.Suggest;
import org.workbench.core.InputException;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Which categorical columns an encoder takes: exactly {@code only} when given, else every
 * categorical column not in {@code except} (those go to another encoder).
 */
public record CategoricalColumns(List<String> only, List<String> except) {
    public static final CategoricalColumns ALL = new CategoricalColumns(List.of(), List.of());

    public CategoricalColumns {
        only = List.copyOf(only);
        except = List.copyOf(except);
    }

    public static CategoricalColumns only(List<String> names) {
        return new CategoricalColumns(names, List.of());
    }

    public static CategoricalColumns except(List<String> names) {
        return new CategoricalColumns(List.of(), names);
    }

    /** The chosen columns in table order; a named column that is absent or numeric is a config error. */
    public List<StringColumn> of(Table table, String configPath) {
        for (String name : only) {
            if (!table.columnNames().contains(name) || !(table.column(name) instanceof StringColumn)) {
                String nearest = Suggest.nearest(name, table.columnNames());
                throw new InputException(configPath + ": no categorical column '" + name + "'"
                        + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
            }
        }
        List<StringColumn> out = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (column instanceof StringColumn text
                    && (only.isEmpty() ? !except.contains(text.name()) : only.contains(text.name()))) {
                out.add(text);
            }
        }
        return out;
    }
}
