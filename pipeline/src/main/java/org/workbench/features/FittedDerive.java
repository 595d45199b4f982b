package org.workbench.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FittedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The derived columns and their expressions, appended in order. A row where an input is missing
 * gives NaN; a row where the expression fails (division by zero) gives NaN and is counted.
 */
public record FittedDerive(List<DeriveColumns.Derived> columns) implements FittedStep {
    public FittedDerive {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "derive";
    }

    @Override
    public Table apply(Table features, ApplyLog log) {
        List<Column<?>> added = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>(features.columnNames());
        Set<String> numeric = new LinkedHashSet<>();
        for (Column<?> c : features.columns()) {
            if (c instanceof DoubleColumn) {
                numeric.add(c.name());
            }
        }
        for (DeriveColumns.Derived d : columns) {
            Expression e = DeriveColumns.build(d, numeric, all);
            List<String> names = List.copyOf(e.getVariableNames());
            double[][] inputs = new double[names.size()][];
            for (int v = 0; v < names.size(); v++) {
                inputs[v] = derivedOrInput(features, added, names.get(v)).asDoubleArray();
            }
            double[] values = new double[features.rowCount()];
            long failed = 0;
            for (int i = 0; i < values.length; i++) {
                for (int v = 0; v < names.size(); v++) {
                    e.setVariable(names.get(v), inputs[v][i]);
                }
                try {
                    values[i] = e.evaluate();
                } catch (ArithmeticException ex) {
                    values[i] = Double.NaN;
                    failed++;
                }
            }
            log.count("rows where " + d.column() + " = " + d.expression() + " failed (NaN)", failed);
            added.add(DoubleColumn.create(d.column(), values));
            all.add(d.column());
            numeric.add(d.column());
        }
        List<Column<?>> out = new ArrayList<>();
        for (Column<?> column : features.columns()) {
            out.add(column.copy());
        }
        out.addAll(added);
        return FeatureColumns.tableLike(features, out);
    }

    private DoubleColumn derivedOrInput(Table features, List<Column<?>> added, String name) {
        for (Column<?> c : added) {
            if (c.name().equals(name)) {
                return (DoubleColumn) c;
            }
        }
        return FeatureColumns.numeric(features, name, name());
    }

    /** E.g. "FamilySize = SibSp + Parch + 1". */
    @Override
    public String summary() {
        return String.join("; ", columns.stream().map(d -> d.column() + " = " + d.expression()).toList());
    }
}
