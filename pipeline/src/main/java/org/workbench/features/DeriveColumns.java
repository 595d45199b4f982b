package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import org.workbench.core.InputException;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Adds numeric columns computed from arithmetic expressions over existing numeric columns, e.g.
 * {@code FamilySize: "SibSp + Parch + 1"} or {@code BMI: "weight / (height/100)^2"}. Expressions are
 * parsed by exp4j (operators + - * / ^ %, functions such as log, sqrt, abs, exp); a later expression
 * may use an earlier derived column. Nothing is learned, but fitting checks every expression against
 * the training columns so mistakes surface before any rows are processed.
 */
public record DeriveColumns(List<Derived> columns) implements UnsupervisedStep {

    /** A new column and its expression. */
    public record Derived(String column, String expression) {
    }

    public DeriveColumns {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "derive";
    }

    @Override
    public Fitted fit(Table train) {
        Set<String> numeric = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>(train.columnNames());
        for (Column<?> c : train.columns()) {
            if (c instanceof DoubleColumn) {
                numeric.add(c.name());
            }
        }
        for (Derived d : columns) {
            if (all.contains(d.column())) {
                throw new InputException(path(d) + ": a column '" + d.column() + "' already exists; choose another name");
            }
            Expression e = build(d, numeric, all);
            for (String used : e.getVariableNames()) {
                if (!numeric.contains(used)) {
                    throw new InputException(path(d) + ": expression '" + d.expression() + "' uses column '" + used
                            + "', which is categorical; only numeric columns can be used");
                }
            }
            numeric.add(d.column());
            all.add(d.column());
        }
        return new Fitted(columns);
    }

    static String path(Derived d) {
        return "features.derive." + d.column();
    }

    /** Parses one expression with every current column name that can be a variable. */
    static Expression build(Derived d, Set<String> numeric, Set<String> all) {
        List<String> variables = new ArrayList<>();
        for (String name : all) {
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                variables.add(name);
            }
        }
        try {
            Expression e = new ExpressionBuilder(d.expression()).variables(new LinkedHashSet<>(variables)).build();
            return e;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String hint = message.startsWith("Unknown function or variable")
                    ? "; numeric columns are " + String.join(", ", numeric) : "";
            throw new InputException(path(d) + ": cannot use expression '" + d.expression() + "': " + message + hint, e);
        }
    }

    /**
     * The derived columns and their expressions, appended in order. A row where an input is missing
     * gives NaN; a row where the expression fails (division by zero) gives NaN and is counted.
     */
    @JsonTypeName("derive")
    public record Fitted(List<DeriveColumns.Derived> columns) implements FittedStep {
        public Fitted {
            columns = List.copyOf(columns);
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

        /** The input columns of an expression, through the earlier derived columns it uses. */
        @Override
        public List<String> sources(String output, List<String> inputs) {
            Set<String> known = new LinkedHashSet<>(inputs);
            java.util.Map<String, List<String>> derived = new java.util.HashMap<>();
            for (DeriveColumns.Derived d : columns) {
                Set<String> used = new LinkedHashSet<>();
                for (String v : DeriveColumns.build(d, known, known).getVariableNames()) {
                    used.addAll(derived.getOrDefault(v, List.of(v)));
                }
                derived.put(d.column(), List.copyOf(used));
                known.add(d.column());
            }
            return derived.containsKey(output) ? derived.get(output) : FittedStep.super.sources(output, inputs);
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
}
