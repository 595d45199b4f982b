package org.workbench.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code preprocess.outliers} with {@code action: clip} as one Spark ML estimator after the imputer, so every
 * fold fits its own bounds: on the imputed training values of each checked column, {@code iqr} takes the
 * quartiles -/+ factor x IQR (Spark's approximate percentiles, relative error 0.001; the local engine's
 * are exact) and {@code zscore} the mean -/+ threshold x the population standard deviation (exact, as
 * locally). It reads the imputer's {@code __imp_i} columns and writes {@code __num_i}, clipped or not, so
 * the stages after it are those of a recipe without outliers. The fitted model is a {@code PipelineModel}
 * holding one {@code SQLTransformer} with the bounds written in, which Spark saves and loads as it is.
 */
final class SparkClip extends Estimator<PipelineModel> {
    static final String UID_PREFIX = "workbench_clip";
    private static final double RELATIVE_ERROR = 0.001;
    /** One clipped column in the statement, as {@link #statement} writes it. */
    private static final Pattern CLIPPED = Pattern.compile(
            "LEAST\\(GREATEST\\(`__imp_(\\d+)`, CAST\\('([^']+)' AS DOUBLE\\)\\), CAST\\('([^']+)' AS DOUBLE\\)\\) AS `__num_\\d+`");

    private final String uid;
    private final String method;
    private final double factor;
    private final double threshold;
    /** How many numeric columns the imputer wrote, and the indices of those checked. */
    private final int columns;
    private final List<Integer> checked;

    SparkClip(String method, double factor, double threshold, int columns, List<Integer> checked) {
        this(Identifiable.randomUID(UID_PREFIX), method, factor, threshold, columns, checked);
    }

    private SparkClip(String uid, String method, double factor, double threshold, int columns, List<Integer> checked) {
        this.uid = uid;
        this.method = method;
        this.factor = factor;
        this.threshold = threshold;
        this.columns = columns;
        this.checked = List.copyOf(checked);
    }

    /** The imputer's output for the i-th numeric column when outliers are clipped after it. */
    static String imputed(int i) {
        return "__imp_" + i;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public PipelineModel fit(Dataset<?> rows) {
        List<Column> aggs = new ArrayList<>();
        for (int i : checked) {
            Column c = functions.col(imputed(i));
            if (method.equals("iqr")) {
                aggs.add(functions.percentile_approx(c, functions.lit(new double[] {0.25, 0.75}),
                        functions.lit((int) (1 / RELATIVE_ERROR))));
            } else {
                aggs.add(functions.avg(c));
                aggs.add(functions.stddev_pop(c));
            }
        }
        Map<Integer, double[]> bounds = new LinkedHashMap<>();
        if (!aggs.isEmpty()) {
            Row r = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
            for (int j = 0; j < checked.size(); j++) {
                double low;
                double high;
                if (method.equals("iqr")) {
                    List<Double> q = r.getList(j);
                    double iqr = q.get(1) - q.get(0);
                    low = q.get(0) - factor * iqr;
                    high = q.get(1) + factor * iqr;
                } else {
                    double mean = r.getDouble(2 * j);
                    double std = r.getDouble(2 * j + 1);
                    low = mean - threshold * std;
                    high = mean + threshold * std;
                }
                bounds.put(checked.get(j), new double[] {low, high});
            }
        }
        return new PipelineModel(uid, new Transformer[] {new SQLTransformer().setStatement(statement(columns, bounds))});
    }

    /** Every numeric column from {@code __imp_i} to {@code __num_i}, those with bounds clipped to them. */
    static String statement(int columns, Map<Integer, double[]> bounds) {
        StringBuilder sql = new StringBuilder("SELECT *");
        for (int i = 0; i < columns; i++) {
            double[] b = bounds.get(i);
            String in = "`" + imputed(i) + "`";
            sql.append(", ").append(b == null ? in : "LEAST(GREATEST(" + in + ", CAST('" + b[0] + "' AS DOUBLE)), CAST('" + b[1]
                    + "' AS DOUBLE))").append(" AS `__num_").append(i).append('`');
        }
        return sql.append(" FROM __THIS__").toString();
    }

    /** The bounds a fitted clip holds, by numeric column index, or null when {@code t} is not one. */
    static Map<Integer, double[]> bounds(Transformer t) {
        if (!(t instanceof PipelineModel m && m.uid().startsWith(UID_PREFIX) && m.stages().length == 1
                && m.stages()[0] instanceof SQLTransformer q)) {
            return null;
        }
        Map<Integer, double[]> bounds = new LinkedHashMap<>();
        Matcher matcher = CLIPPED.matcher(q.getStatement());
        while (matcher.find()) {
            bounds.put(Integer.parseInt(matcher.group(1)), new double[] {Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3))});
        }
        return bounds;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        StructType out = schema;
        for (int i = 0; i < columns; i++) {
            out = out.add("__num_" + i, DataTypes.DoubleType, true);
        }
        return out;
    }

    @Override
    public SparkClip copy(ParamMap extra) {
        return new SparkClip(uid, method, factor, threshold, columns, checked);
    }
}
