package org.workbench.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;
import org.workbench.core.InputException;
import org.workbench.features.DeriveColumns;
import org.workbench.features.Binner;
import org.workbench.features.FrequencyEncoder;
import org.workbench.features.Lda;
import org.workbench.features.Pca;
import org.workbench.features.OneHotEncoder;
import org.workbench.features.OrdinalEncoder;
import org.workbench.features.PolynomialFeatures;
import org.workbench.features.TargetEncoder;
import org.workbench.features.MathTransform;
import org.workbench.preprocessing.DropColumns;
import org.workbench.preprocessing.DropDuplicateRows;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.OutlierHandler;
import org.workbench.preprocessing.Scaler;
import org.workbench.recipe.FittedStep;
import org.workbench.selection.FeatureSelector;
import org.workbench.selection.ScoredSelector;

/**
 * The fitted recipe as ONNX nodes. Each column is tracked by name, as the steps match columns: a
 * number column is a float tensor [batch, 1]; a text column is a string tensor [batch, 1] plus the
 * replacements earlier steps made on its values (categorical imputation turns "" into the fill),
 * which the lookup table of the step that encodes it applies. Each step mirrors its {@code apply}:
 * same columns in, same columns out, same values up to float rounding (ONNX models compute in float).
 */
final class RecipeGraph {
    /** The step types that have an ONNX form, as named in recipe.json. */
    static final List<String> EXPORTABLE_STEPS = List.of("drop_columns", "drop_duplicates", "impute", "outliers",
            "scale", "derive", "transform", "bin", "polynomial", "onehot", "ordinal", "frequency", "target_encode",
            "pca", "lda", "select", "select_<method>");

    /** exp4j's functions with an ONNX operator (the others, e.g. cbrt, asin, sinh, make the derive step unexportable). */
    private static final Set<String> TRIGONOMETRY = Set.of("sin", "cos", "tan");
    private static final Map<String, OnnxOps> FUNCTIONS = Map.of("abs", OnnxOps.ABS, "log", OnnxOps.LOG,
            "sqrt", OnnxOps.SQRT, "exp", OnnxOps.EXP, "floor", OnnxOps.FLOOR, "ceil", OnnxOps.CEIL,
            "signum", OnnxOps.SIGN, "sin", OnnxOps.SIN, "cos", OnnxOps.COS, "tan", OnnxOps.TAN);

    /** A column of the table at this point of the recipe. */
    sealed interface Column permits Number, Text {
    }

    record Number(ONNXRef<?> ref) implements Column {
    }

    /** Raw values are read as {@code replaced.getOrDefault(raw, raw)}. */
    record Text(ONNXRef<?> ref, Map<String, String> replaced) implements Column {
        String value(String raw) {
            return replaced.getOrDefault(raw, raw);
        }

        /**
         * A lookup table on raw values that gives {@code byValue.get(v)} for every raw value read as v:
         * the values themselves (unless replaced) and the replaced values that now read as one of them.
         */
        <V> Map<String, V> lookup(Map<String, V> byValue) {
            Map<String, V> table = new LinkedHashMap<>();
            Set<String> raws = new LinkedHashSet<>(byValue.keySet());
            raws.addAll(replaced.keySet());
            for (String raw : raws) {
                V v = byValue.get(value(raw));
                if (v != null) {
                    table.put(raw, v);
                }
            }
            return table;
        }
    }

    private final ONNXContext onnx;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    RecipeGraph(ONNXContext onnx) {
        this.onnx = onnx;
    }

    void input(String name, Column column) {
        columns.put(name, column);
    }

    /** The model's features, in its order, as one float tensor [batch, features]. */
    ONNXRef<?> features(List<String> names) {
        List<ONNXRef<?>> refs = new ArrayList<>();
        for (String name : names) {
            refs.add(number(name, "model"));
        }
        return refs.size() == 1 ? refs.get(0) : onnx.operation(ONNXOperators.CONCAT, refs, "features", Map.of("axis", 1));
    }

    /** Adds the nodes of one fitted step; a step type without an ONNX form is bad input naming it. */
    void add(FittedStep step, int position) {
        if (step instanceof DropColumns.Fitted drop) {
            drop.columns().forEach(columns::remove);
        } else if (step instanceof DropDuplicateRows.Fitted) {
            return; // rows to score are never dropped
        } else if (step instanceof Imputer.Fitted imputer) {
            impute(imputer);
        } else if (step instanceof OutlierHandler.Fitted outliers) {
            outliers(outliers);
        } else if (step instanceof Scaler.Fitted scaler) {
            for (Scaler.Fitted.ColumnScale s : scaler.columns()) {
                double spread = s.spread() == 0 ? 1 : s.spread();
                columns.put(s.column(), new Number(number(s.column(), step.name()).apply(OnnxOps.SCALER, Map.<String, Object>of(
                        "offset", new float[] {(float) s.center()}, "scale", new float[] {(float) (1 / spread)}))));
            }
        } else if (step instanceof DeriveColumns.Fitted derive) {
            for (DeriveColumns.Derived d : derive.columns()) {
                columns.put(d.column(), new Number(derived(d, position).cast(float.class)));
            }
        } else if (step instanceof TargetEncoder.Fitted target) {
            targetEncode(target);
        } else if (step instanceof MathTransform.Fitted transforms) {
            for (MathTransform.Fitted.ColumnTransform t : transforms.columns()) {
                columns.put(t.column(), new Number(transform(number(t.column(), step.name()), t)));
            }
        } else if (step instanceof Binner.Fitted bins) {
            for (Binner.Fitted.Edges e : bins.columns()) {
                columns.put(e.column(), new Number(bin(number(e.column(), step.name()), e)));
            }
        } else if (step instanceof PolynomialFeatures.Fitted polynomial) {
            for (List<String> term : polynomial.terms()) {
                ONNXRef<?> product = number(term.get(0), step.name());
                for (String factor : term.subList(1, term.size())) {
                    product = product.apply(ONNXOperators.MUL, number(factor, step.name()));
                }
                columns.put(termName(term), new Number(product));
            }
        } else if (step instanceof OneHotEncoder.Fitted onehot) {
            onehot.columns().forEach(this::onehot);
        } else if (step instanceof OrdinalEncoder.Fitted ordinal) {
            for (OrdinalEncoder.Fitted.Order order : ordinal.columns()) {
                Map<String, Float> positions = new LinkedHashMap<>();
                for (int j = 0; j < order.levels().size(); j++) {
                    positions.put(order.levels().get(j), (float) j);
                }
                columns.put(order.column(), new Number(codes(text(order.column(), step.name()), positions,
                        (float) OrdinalEncoder.Fitted.UNKNOWN)));
            }
        } else if (step instanceof FrequencyEncoder.Fitted frequency) {
            for (FrequencyEncoder.Fitted.Frequencies f : frequency.columns()) {
                Map<String, Float> shares = new LinkedHashMap<>();
                for (int j = 0; j < f.levels().size(); j++) {
                    shares.put(f.levels().get(j), f.fractions().get(j).floatValue());
                }
                columns.put(f.column(), new Number(codes(text(f.column(), step.name()), shares, 0f)));
            }
        } else if (step instanceof Pca.Fitted pca) {
            project(pca.columns(), pca.means(), pca.weights(), pca.outputs(), step.name());
        } else if (step instanceof Lda.Fitted lda) {
            project(lda.columns(), lda.means(), lda.scalings(), lda.outputs(), step.name());
        } else if (step instanceof FeatureSelector.Fitted select) {
            keepOnly(select.features(), step.name());
        } else if (step instanceof ScoredSelector.Fitted ranking) {
            keepOnly(ranking.features(), step.name());
        } else {
            throw new InputException("step " + position + " '" + step.name() + "' of the recipe has no ONNX form"
                    + "; exportable steps: " + String.join(", ", EXPORTABLE_STEPS));
        }
    }

    /** Missing indicators read the input (before the fills); number fills use ONNX-ML's Imputer. */
    private void impute(Imputer.Fitted imputer) {
        Map<String, Column> indicators = new LinkedHashMap<>();
        for (String name : imputer.indicators()) {
            Column column = column(name, imputer.name());
            ONNXRef<?> flag = column instanceof Number n
                    ? n.ref().apply(OnnxOps.IS_NAN).cast(float.class)
                    : codes((Text) column, Map.of("", 1f), 0f);
            indicators.put(name + Imputer.Fitted.INDICATOR_SUFFIX, new Number(flag));
        }
        for (Imputer.Fitted.NumberFill fill : imputer.numeric()) {
            columns.put(fill.column(), new Number(number(fill.column(), imputer.name()).apply(OnnxOps.IMPUTER, Map.<String, Object>of(
                    "imputed_value_floats", new float[] {(float) fill.value()}, "replaced_value_float", Float.NaN))));
        }
        for (Imputer.Fitted.TextFill fill : imputer.categorical()) {
            Text text = text(fill.column(), imputer.name());
            Map<String, String> replaced = new LinkedHashMap<>();
            text.replaced().forEach((raw, value) -> replaced.put(raw, value.isEmpty() ? fill.value() : value));
            replaced.putIfAbsent("", fill.value());
            columns.put(fill.column(), new Text(text.ref(), replaced));
        }
        columns.putAll(indicators);
    }

    private void outliers(OutlierHandler.Fitted outliers) {
        Map<String, Column> flags = new LinkedHashMap<>();
        for (OutlierHandler.Fitted.Bounds b : outliers.columns()) {
            ONNXRef<?> x = number(b.column(), outliers.name());
            ONNXRef<?> lower = onnx.constant("lower", (float) b.lower());
            ONNXRef<?> upper = onnx.constant("upper", (float) b.upper());
            // comparisons with NaN are false, so a missing value stays missing and is no outlier, as in apply
            ONNXRef<?> below = x.apply(ONNXOperators.LESS, lower);
            ONNXRef<?> above = x.apply(ONNXOperators.GREATER, upper);
            switch (outliers.action()) {
                case "clip" -> columns.put(b.column(), new Number(onnx.operation(ONNXOperators.WHERE,
                        List.of(below, lower, onnx.operation(ONNXOperators.WHERE, List.of(above, upper, x), "clip_upper")),
                        "clipped")));
                case "flag" -> flags.put(b.column() + OutlierHandler.Fitted.FLAG_SUFFIX,
                        new Number(below.apply(OnnxOps.OR, above).cast(float.class)));
                default -> { } // drop: only training rows are dropped
            }
        }
        columns.putAll(flags);
    }

    /**
     * log1p, sqrt or Yeo-Johnson, computed in double (a power near 0 or 2 loses most digits in float) after
     * raising values below the training minimum to it, as apply does (not for power).
     */
    private ONNXRef<?> transform(ONNXRef<?> input, MathTransform.Fitted.ColumnTransform t) {
        ONNXRef<?> x = input.cast(double.class);
        if (!t.kind().equals("power")) {
            ONNXRef<?> min = constant("training_min", t.trainingMin());
            x = onnx.operation(ONNXOperators.WHERE, List.of(x.apply(ONNXOperators.LESS, min), min, x), "raised");
        }
        ONNXRef<?> y;
        if (t.kind().equals("log1p")) {
            y = x.apply(ONNXOperators.ADD, constant("one", 1)).apply(OnnxOps.LOG);
        } else if (t.kind().equals("sqrt")) {
            y = x.apply(OnnxOps.SQRT);
        } else if (Double.isNaN(t.lambda())) {
            y = x; // no lambda could be fitted: left as it is
        } else {
            // Transformer.yeoJohnson: the branch for x >= 0 and the one for x < 0 (NaN takes the second and stays NaN)
            double lambda = t.lambda();
            ONNXRef<?> one = constant("one", 1);
            ONNXRef<?> up = x.apply(ONNXOperators.ADD, one);
            ONNXRef<?> positive = Math.abs(lambda) < 1e-12 ? up.apply(OnnxOps.LOG)
                    : up.apply(ONNXOperators.POW, constant("lambda", lambda)).apply(ONNXOperators.SUB, one)
                            .apply(ONNXOperators.DIV, constant("lambda", lambda));
            ONNXRef<?> down = one.apply(ONNXOperators.SUB, x);
            ONNXRef<?> negative = Math.abs(lambda - 2) < 1e-12 ? down.apply(OnnxOps.LOG).apply(ONNXOperators.NEG)
                    : down.apply(ONNXOperators.POW, constant("two_minus_lambda", 2 - lambda)).apply(ONNXOperators.SUB, one)
                            .apply(ONNXOperators.DIV, constant("two_minus_lambda", 2 - lambda)).apply(ONNXOperators.NEG);
            y = onnx.operation(ONNXOperators.WHERE, List.of(x.apply(ONNXOperators.GREATER_OR_EQUAL, constant("zero", 0)),
                    positive, negative), "yeo_johnson");
        }
        return y.cast(float.class);
    }

    /**
     * The number of inner edges at or below the value (NaN stays NaN). Compared in float: a value equal to an
     * edge (quantile edges are data values) stays equal after both are rounded to float.
     */
    private ONNXRef<?> bin(ONNXRef<?> x, Binner.Fitted.Edges e) {
        ONNXRef<?> count;
        if (e.edges().isEmpty()) {
            count = onnx.constant("bin", 0f);
        } else {
            float[] edges = new float[e.edges().size()];
            for (int j = 0; j < edges.length; j++) {
                edges[j] = e.edges().get(j).floatValue();
            }
            ONNXRef<?> atOrAbove = x.apply(ONNXOperators.GREATER_OR_EQUAL, onnx.array("edges", edges)).cast(float.class);
            count = onnx.operation(ONNXOperators.REDUCE_SUM, List.of(atOrAbove, onnx.array("axes", new long[] {1})),
                    "bin", Map.of("keepdims", 1));
        }
        return onnx.operation(ONNXOperators.WHERE, List.of(x.apply(OnnxOps.IS_NAN), x, count), "binned");
    }

    /**
     * An exp4j expression as nodes, in double: exp4j's own parser gives the tokens in postfix order. As
     * in apply, a division or remainder by zero gives NaN (exp4j throws there, which apply turns into NaN).
     */
    private ONNXRef<?> derived(DeriveColumns.Derived d, int position) {
        // DeriveColumns allows only column names as variables (not exp4j's constants such as pi)
        Set<String> variables = new LinkedHashSet<>(columns.keySet());
        Deque<ONNXRef<?>> stack = new ArrayDeque<>();
        for (Token token : ShuntingYard.convertToRPN(d.expression(), Map.of(), Map.of(), variables, true)) {
            if (token instanceof NumberToken n) {
                stack.push(constant("number", n.getValue()));
            } else if (token instanceof VariableToken v) {
                stack.push(number(v.getName(), "derive").cast(double.class));
            } else if (token instanceof OperatorToken o && o.getOperator().getNumOperands() == 1) {
                ONNXRef<?> x = stack.pop();
                stack.push(o.getOperator().getSymbol().equals("-") ? x.apply(ONNXOperators.NEG) : x);
            } else if (token instanceof OperatorToken o) {
                ONNXRef<?> b = stack.pop();
                ONNXRef<?> a = stack.pop();
                stack.push(switch (o.getOperator().getSymbol()) {
                    case "+" -> a.apply(ONNXOperators.ADD, b);
                    case "-" -> a.apply(ONNXOperators.SUB, b);
                    case "*" -> a.apply(ONNXOperators.MUL, b);
                    case "^" -> a.apply(ONNXOperators.POW, b);
                    case "/" -> nanWhereZero(b, a.apply(ONNXOperators.DIV, b));
                    case "%" -> nanWhereZero(b, a.apply(OnnxOps.MOD, b, Map.of("fmod", 1)));
                    default -> throw unexportable(d, position, "operator '" + o.getOperator().getSymbol() + "'");
                });
            } else if (token instanceof FunctionToken f) {
                String name = f.getFunction().getName();
                if (name.equals("pow")) {
                    ONNXRef<?> b = stack.pop();
                    stack.push(stack.pop().apply(ONNXOperators.POW, b));
                } else if (name.equals("log10") || name.equals("log2")) {
                    stack.push(stack.pop().apply(OnnxOps.LOG).apply(ONNXOperators.DIV,
                            constant("ln_base", Math.log(name.equals("log10") ? 10 : 2))));
                } else if (name.equals("log1p")) {
                    stack.push(stack.pop().apply(ONNXOperators.ADD, constant("one", 1)).apply(OnnxOps.LOG));
                } else if (name.equals("expm1")) {
                    stack.push(stack.pop().apply(OnnxOps.EXP).apply(ONNXOperators.SUB, constant("one", 1)));
                } else if (TRIGONOMETRY.contains(name)) {
                    // ONNX Runtime's CPU kernels for Sin, Cos and Tan take float only
                    stack.push(stack.pop().cast(float.class).apply(FUNCTIONS.get(name)).cast(double.class));
                } else if (FUNCTIONS.containsKey(name) && f.getFunction().getNumArguments() == 1) {
                    stack.push(stack.pop().apply(FUNCTIONS.get(name)));
                } else {
                    throw unexportable(d, position, "function '" + name + "'");
                }
            } else {
                throw unexportable(d, position, "token " + token.getClass().getSimpleName());
            }
        }
        return stack.pop();
    }

    private ONNXRef<?> nanWhereZero(ONNXRef<?> divisor, ONNXRef<?> result) {
        return onnx.operation(ONNXOperators.WHERE, List.of(divisor.apply(OnnxOps.EQUAL, constant("zero", 0)),
                constant("nan", Double.NaN), result), "by_zero_is_nan");
    }

    private static InputException unexportable(DeriveColumns.Derived d, int position, String what) {
        return new InputException("step " + position + " 'derive': " + what + " in " + d.column() + " = " + d.expression()
                + " has no ONNX form; exportable: + - * / % ^, pow, log, log10, log2, log1p, exp, expm1, sqrt, abs,"
                + " floor, ceil, signum, sin, cos, tan");
    }

    /** Each output of each encoded column through a lookup of its level's encoded value; unseen and missing get the prior. */
    private void targetEncode(TargetEncoder.Fitted target) {
        for (TargetEncoder.Fitted.Encoding e : target.columns()) {
            Text text = text(e.column(), target.name());
            columns.remove(e.column());
            for (int o = 0; o < target.outputs().size(); o++) {
                Map<String, Float> values = new LinkedHashMap<>();
                for (int j = 0; j < e.levels().size(); j++) {
                    values.put(e.levels().get(j), e.values().get(j).get(o).floatValue());
                }
                String name = e.column() + TargetEncoder.SUFFIX + (target.outputs().size() == 1 ? "" : "=" + target.outputs().get(o));
                columns.put(name, new Number(codes(text, values, target.prior().get(o).floatValue())));
            }
        }
    }

    /**
     * A projection (pca, lda): the inputs side by side, missing values set to their mean (as
     * {@code apply} counts them), centred, times the weights (Gemm), then one [batch, 1] column per output.
     */
    private void project(List<String> inputs, List<Double> means, List<List<Double>> weights, List<String> outputs,
                         String step) {
        List<ONNXRef<?>> refs = new ArrayList<>();
        float[] centre = new float[inputs.size()];
        float[] ones = new float[inputs.size()];
        for (int c = 0; c < inputs.size(); c++) {
            refs.add(number(inputs.get(c), step));
            centre[c] = means.get(c).floatValue();
            ones[c] = 1f;
        }
        ONNXRef<?> x = refs.size() == 1 ? refs.get(0) : onnx.operation(ONNXOperators.CONCAT, refs, step + "_inputs", Map.of("axis", 1));
        ONNXRef<?> centred = x.apply(OnnxOps.IMPUTER, Map.<String, Object>of("imputed_value_floats", centre,
                "replaced_value_float", Float.NaN)).apply(OnnxOps.SCALER, Map.<String, Object>of("offset", centre, "scale", ones));
        ONNXRef<?> w = onnx.floatTensor(step + "_weights", List.of(inputs.size(), outputs.size()), buffer -> {
            for (int c = 0; c < inputs.size(); c++) {
                for (List<Double> output : weights) {
                    buffer.put(output.get(c).floatValue());
                }
            }
        });
        ONNXRef<?> projected = onnx.operation(ONNXOperators.GEMM, List.of(centred, w), step + "_projected", Map.of());
        inputs.forEach(columns::remove);
        for (int j = 0; j < outputs.size(); j++) {
            ONNXRef<?> index = onnx.array(step + "_index", new long[] {j});
            columns.put(outputs.get(j), new Number(onnx.operation(ONNXOperators.GATHER, List.of(projected, index), outputs.get(j),
                    Map.of("axis", 1))));
        }
    }

    /** A double scalar. */
    private ONNXRef<?> constant(String name, double value) {
        return onnx.array(name, new double[] {value}, false);
    }

    /** One 0/1 float column per level, from a lookup of each value's level index (-1: unseen or missing, all zeros). */
    private void onehot(OneHotEncoder.Fitted.Levels levels) {
        Text text = text(levels.column(), "onehot");
        List<String> outputs = new ArrayList<>(levels.levels());
        Map<String, Long> index = new LinkedHashMap<>();
        for (int j = 0; j < levels.levels().size(); j++) {
            index.put(levels.levels().get(j), (long) j);
        }
        if (!levels.rare().isEmpty()) {
            outputs.add(OneHotEncoder.poolName(levels.levels()));
            levels.rare().forEach(r -> index.put(r, (long) outputs.size() - 1));
        }
        Map<String, Long> table = text.lookup(index);
        String[] keys = keys(table);
        int[] values = table.values().stream().mapToInt(Long::intValue).toArray();
        if (table.isEmpty()) {
            values = new int[] {-1};
        }
        ONNXRef<?> code = text.ref().apply(OnnxOps.LABEL_ENCODER, Map.<String, Object>of("keys_strings", keys, "values_int64s", values,
                "default_int64", -1));
        columns.remove(levels.column());
        for (int j = 0; j < outputs.size(); j++) {
            ONNXRef<?> is = code.apply(OnnxOps.EQUAL, onnx.constant("level", (long) j));
            columns.put(levels.column() + "=" + outputs.get(j), new Number(is.cast(float.class)));
        }
    }

    /** A float per value through a lookup table, {@code unseen} for any other value. */
    private ONNXRef<?> codes(Text text, Map<String, Float> byValue, float unseen) {
        Map<String, Float> table = text.lookup(byValue);
        float[] values = new float[Math.max(1, table.size())];
        values[0] = unseen; // what the placeholder key of an empty table maps to
        int j = 0;
        for (float v : table.values()) {
            values[j++] = v;
        }
        return text.ref().apply(OnnxOps.LABEL_ENCODER, Map.<String, Object>of("keys_strings", keys(table), "values_floats", values,
                "default_float", unseen));
    }

    /** The lookup's keys; an empty table gets one key no cell holds (LabelEncoder needs at least one). */
    private static String[] keys(Map<String, ?> table) {
        return table.isEmpty() ? new String[] {"\u0000no level"} : table.keySet().toArray(String[]::new);
    }

    private void keepOnly(List<String> features, String step) {
        Map<String, Column> kept = new LinkedHashMap<>();
        for (String f : features) {
            kept.put(f, column(f, step));
        }
        columns.clear();
        columns.putAll(kept);
    }

    /** "Age^2*Fare" for [Age, Age, Fare]: the name {@code PolynomialFeatures.Fitted} gives a product term. */
    static String termName(List<String> term) {
        Map<String, Integer> powers = new LinkedHashMap<>();
        term.forEach(c -> powers.merge(c, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        powers.forEach((c, p) -> parts.add(p == 1 ? c : c + "^" + p));
        return String.join("*", parts);
    }

    private Column column(String name, String step) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalStateException(step + ": column '" + name + "' is not among " + columns.keySet());
        }
        return c;
    }

    private ONNXRef<?> number(String name, String step) {
        if (column(name, step) instanceof Number n) {
            return n.ref();
        }
        throw new IllegalStateException(step + ": column '" + name + "' is text, a number was expected");
    }

    private Text text(String name, String step) {
        if (column(name, step) instanceof Text t) {
            return t;
        }
        throw new IllegalStateException(step + ": column '" + name + "' holds numbers, text was expected");
    }

    @Override
    public String toString() {
        return "RecipeGraph" + Arrays.toString(columns.keySet().toArray());
    }
}
