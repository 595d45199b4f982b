package org.workbench.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.workbench.collection.CollectionRecord;
import org.workbench.collection.DataWarnings;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.table.DataWarning;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.workbench.collection.ColumnProfile;
import org.workbench.collection.DataProfile;
import org.workbench.collection.FileHash;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Artifact;
import org.workbench.core.InputException;
import org.workbench.data.Task;
import org.workbench.definition.DefinitionStage;
import org.workbench.definition.Problem;
import org.workbench.stage.RunContext;
import org.workbench.stage.StageResult;
import org.workbench.table.DataConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Stage 2 on Spark: hashes and profiles the data with aggregates, splits it by a seeded hash of each
 * row, and words the local engine's data warnings from Spark's counts.
 */
final class CollectionOnSpark extends SparkStage {
    /** Every row with a target (all rows when clustering), with its label column. */
    static final Artifact<SparkRows> ALL = new Artifact<>("spark_all_rows", SparkRows.class, "collection");
    /** The training rows, persisted by the executors: every later stage reads them again. */
    static final Artifact<SparkRows> TRAIN = new Artifact<>("spark_train", SparkRows.class, "collection");
    /** The test rows, persisted like the training rows. */
    static final Artifact<SparkRows> TEST = new Artifact<>("spark_test", SparkRows.class, "collection");

    CollectionOnSpark(SparkRun run) {
        super(run, "collection", "hashes and profiles the data with Spark aggregates and splits it into train and test (seeded)");
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, DefinitionOnSpark.READ);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(ALL, TRAIN, TEST);
    }

    @Override
    StageResult runJobs(RunContext context) {
        PipelineConfig config = run.config;
        DataConfig data = config.section(DataConfig.class);
        Problem problem = context.get(DefinitionStage.PROBLEM);
        SparkData.Read read = context.get(DefinitionOnSpark.READ);
        Dataset<Row> rows = read.rows();
        String sha = FileHash.sha256(data.source());
        String[] columns = read.types().keySet().toArray(String[]::new);
        DataProfile profile = profile(rows, read.types(), problem);
        int total = profile.rows();
        Dataset<Row> labelled = rows;
        int withoutTarget = 0;
        boolean supervised = problem.task() != Task.CLUSTERING;
        if (supervised) {
            Column t = col(SparkData.quoted(problem.target()));
            labelled = rows.filter(t.isNotNull());
            boolean numeric = read.types().get(problem.target()).equals(DataConfig.NUMERIC);
            if (problem.task() == Task.CLASSIFICATION) {
                Column[] classes = problem.classes().stream().map(functions::lit).toArray(Column[]::new);
                labelled = labelled.withColumn(SparkRun.LABEL,
                        functions.array_position(functions.array(classes), SparkData.labelText(t, numeric)).minus(1).cast("double"));
            } else {
                labelled = labelled.withColumn(SparkRun.LABEL, t.cast("double"));
            }
            withoutTarget = profile.columnProfiles().stream().filter(c -> c.name().equals(problem.target()))
                    .findFirst().map(ColumnProfile::missing).orElse(0);
        }
        Column u = SparkData.unit(config.seed(), columns);
        Dataset<Row> withU = labelled.withColumn("__u", u);
        double test = data.split().test();
        // kept by the executors (memory, then disk): every later stage reads the two splits again
        Dataset<Row> trainSplit = withU.filter(col("__u").geq(test)).drop("__u").persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> testSplit = withU.filter(col("__u").lt(test)).drop("__u").persist(StorageLevel.MEMORY_AND_DISK());
        Row counts = withU.agg(functions.sum(functions.when(col("__u").lt(test), 1).otherwise(0)), functions.count(lit(1))).first();
        long testRows = counts.isNullAt(0) ? 0 : counts.getLong(0);
        long trainRows = counts.getLong(1) - testRows;
        if (trainRows == 0 || testRows == 0) {
            throw new InputException("data.split.test: " + test + " leaves " + trainRows + " train and " + testRows
                    + " test rows; both need rows");
        }
        profile = profile.withWarnings(warnings(config, problem, profile, read.types(), labelled, withU, test, trainSplit, testSplit,
                testRows));
        String file = config.baseDir().relativize(data.source().toAbsolutePath().normalize()).toString();
        CollectionRecord.Dialect dialect = new CollectionRecord.Dialect(String.valueOf(read.delimiter()), ".", "none",
                data.encoding().name(), read.sniffed(), false);
        List<String> details = new ArrayList<>();
        details.add("delimiter '" + read.delimiter() + "'" + (read.sniffed() ? " (sniffed from the header line; set data.delimiter to override)" : ""));
        details.add("encoding " + data.encoding().name());
        details.add("split: a seeded hash of each row's values against data.split.test: the same rows whatever the partitioning;"
                + " each class is split at the same rate (stratified in expectation)");
        details.add("profile: Spark aggregates; distinct counts approximate (HyperLogLog++, 5% relative error), quartiles approximate"
                + " (Greenwald-Khanna, relative error 0.001)");
        details.add("warnings: the local engine's rules; class counts and shared rows counted by Spark jobs, leakage judged on"
                + " a sample of at most " + DataWarnings.LEAKAGE_SAMPLE + " rows (as the local engine judges it above that size)");
        profile.warnings().forEach(w -> details.add("warning: " + w.message()));
        String summary = String.format(Locale.ROOT, "read %d rows x %d columns from %s (sha256 %s...); %d train / %d test rows (seed %d)%s",
                total, columns.length, file, sha.substring(0, 12), trainRows, testRows, config.seed(),
                profile.warnings().isEmpty() ? "" : "; " + profile.warnings().size() + " data warnings");
        context.put(ALL, new SparkRows(labelled, trainRows + testRows));
        context.put(TRAIN, new SparkRows(trainSplit, trainRows));
        context.put(TEST, new SparkRows(testSplit, testRows));
        return StageResult.of(name(), summary, details, new CollectionRecord(file, sha, dialect, List.of(), total, columns.length,
                withoutTarget, (int) trainRows, (int) testRows, profile, profile.warnings()));
    }

    /**
     * The local engine's data warnings ({@link DataWarnings}) from what Spark counts: the rows per
     * class of each split (one job, classes in name order as the local engine has them), the test rows that copy a training row (a semi-join), and the
     * leakage screen on a seeded sample of at most {@link DataWarnings#LEAKAGE_SAMPLE} rows brought to
     * the driver, the bound the local engine judges leakage on too.
     */
    private static List<DataWarning> warnings(PipelineConfig config, Problem problem, DataProfile profile,
                                              Map<String, String> types, Dataset<Row> labelled, Dataset<Row> withU,
                                              double testShare, Dataset<Row> train, Dataset<Row> test, long testRows) {
        boolean supervised = problem.task() != Task.CLUSTERING;
        boolean classes = problem.task() == Task.CLASSIFICATION;
        List<String> features = types.keySet().stream().filter(n -> !supervised || !n.equals(problem.target())).toList();
        List<Column> picked = new ArrayList<>(features.stream().map(n -> col(SparkData.quoted(n))).toList());
        if (supervised) {
            picked.add(col(SparkRun.LABEL));
        }
        long rows = Math.max(1, profile.rows());
        double fraction = Math.min(1.0, 1.2 * DataWarnings.LEAKAGE_SAMPLE / rows);
        Dataset<Row> pool = fraction >= 1.0 ? labelled : labelled.sample(false, fraction, config.seed());
        List<Row> sample = pool.select(picked.toArray(Column[]::new)).limit(DataWarnings.LEAKAGE_SAMPLE).collectAsList();
        Table table = Table.create("sample");
        for (int j = 0; j < features.size(); j++) {
            int at = j;
            if (types.get(features.get(j)).equals(DataConfig.NUMERIC)) {
                table.addColumns(DoubleColumn.create(features.get(j), sample.stream()
                        .mapToDouble(r -> r.isNullAt(at) ? Double.NaN : ((Number) r.get(at)).doubleValue()).toArray()));
            } else {
                table.addColumns(StringColumn.create(features.get(j), sample.stream()
                        .map(r -> r.isNullAt(at) ? "" : r.get(at).toString()).toArray(String[]::new)));
            }
        }
        int last = features.size();
        Target target = !supervised ? Target.none(sample.size())
                : classes ? Target.labels(problem.target(), sample.stream()
                        .map(r -> problem.classes().get((int) r.getDouble(last))).toArray(String[]::new))
                : Target.values(problem.target(), sample.stream().mapToDouble(r -> r.getDouble(last)).toArray());
        Map<String, DataWarning> leaks = supervised ? DataWarnings.leaks(new Frame(table, target)) : Map.of();
        Map<String, Integer> trainClasses = new TreeMap<>();
        Map<String, Integer> testClasses = new TreeMap<>();
        Map<String, Integer> all = new TreeMap<>();
        if (classes) {
            // both splits' classes in one job
            for (Row r : withU.groupBy(col(SparkRun.LABEL)).agg(functions.count(lit(1)),
                    functions.sum(functions.when(col("__u").lt(testShare), 1).otherwise(0))).collectAsList()) {
                String label = problem.classes().get((int) r.getDouble(0));
                int inTest = (int) r.getLong(2);
                all.put(label, (int) r.getLong(1));
                testClasses.put(label, inTest);
                trainClasses.put(label, (int) r.getLong(1) - inTest);
            }
            trainClasses.values().removeIf(n -> n == 0);
            testClasses.values().removeIf(n -> n == 0);
        }
        DataWarnings.Screen screen = new DataWarnings.Screen(leaks, sharedRows(train, test, picked), (int) testRows,
                trainClasses, testClasses);
        return DataWarnings.of(profile, table, problem.target(), all, screen, DataWarnings.Setting.of(config, problem));
    }

    /** Test rows equal in every picked column (features and target; missing equals missing) to some training row. */
    static int sharedRows(Dataset<Row> train, Dataset<Row> test, List<Column> picked) {
        Column[] columns = picked.toArray(Column[]::new);
        String[] left = new String[columns.length];
        String[] right = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            left[j] = "t" + j;
            right[j] = "k" + j;
        }
        // renamed on both sides: the splits share their lineage, and a self-join's column references would be ambiguous
        Dataset<Row> probe = test.select(columns).toDF(left);
        Dataset<Row> known = train.select(columns).distinct().toDF(right);
        Column same = lit(true);
        for (int j = 0; j < columns.length; j++) {
            same = same.and(probe.col(left[j]).eqNullSafe(known.col(right[j])));
        }
        return (int) probe.join(known, same, "left_semi").count();
    }

    /** Missing, approximate distinct, min/mean/max/std and approximate quartiles per column, in two jobs. */
    private static DataProfile profile(Dataset<Row> rows, Map<String, String> types, Problem problem) {
        List<String> names = new ArrayList<>(types.keySet());
        List<Column> aggs = new ArrayList<>();
        aggs.add(functions.count(lit(1)));
        for (String n : names) {
            Column c = col(SparkData.quoted(n));
            aggs.add(functions.count(c));
            aggs.add(functions.approx_count_distinct(c));
            boolean numeric = types.get(n).equals(DataConfig.NUMERIC);
            aggs.add(numeric ? functions.min(c) : lit(null).cast("double"));
            aggs.add(numeric ? functions.avg(c) : lit(null).cast("double"));
            aggs.add(numeric ? functions.max(c) : lit(null).cast("double"));
            aggs.add(numeric ? functions.stddev_samp(c) : lit(null).cast("double"));
        }
        Row r = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long total = r.getLong(0);
        String[] numericNames = names.stream().filter(n -> types.get(n).equals(DataConfig.NUMERIC)).toArray(String[]::new);
        double[][] q = numericNames.length == 0 ? new double[0][] : rows.stat().approxQuantile(
                // approxQuantile parses each name as an attribute path: quoted, "a.b" or a backtick is a name as written
                java.util.Arrays.stream(numericNames).map(SparkData::quoted).toArray(String[]::new), new double[] {0.25, 0.5, 0.75}, 0.001);
        List<ColumnProfile> profiles = new ArrayList<>();
        Map<String, Integer> targetDistribution = null;
        DataProfile.Quartiles targetQuartiles = null;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int base = 1 + 6 * i;
            long present = r.getLong(base);
            // HyperLogLog++ may overshoot: never more distinct values than values
            long distinct = Math.min(r.getLong(base + 1), present);
            boolean numeric = types.get(n).equals(DataConfig.NUMERIC);
            int qi = Arrays.asList(numericNames).indexOf(n);
            Double q1 = qi >= 0 && q[qi].length == 3 ? q[qi][0] : null;
            Double median = qi >= 0 && q[qi].length == 3 ? q[qi][1] : null;
            Double q3 = qi >= 0 && q[qi].length == 3 ? q[qi][2] : null;
            Double min = r.isNullAt(base + 2) ? null : r.getDouble(base + 2);
            Double max = r.isNullAt(base + 4) ? null : r.getDouble(base + 4);
            boolean identifier = !numeric && present >= 20 && distinct >= 0.95 * present;
            profiles.add(new ColumnProfile(n, numeric ? ColumnProfile.NUMERIC : ColumnProfile.CATEGORICAL, (int) (total - present),
                    (int) distinct, min, r.isNullAt(base + 3) ? null : r.getDouble(base + 3), max,
                    r.isNullAt(base + 5) ? null : r.getDouble(base + 5), null, null, q1, median, q3, null, null, distinct == 1,
                    false, identifier || (numeric && distinct >= 0.95 * total && total >= 20)));
            if (n.equals(problem.target()) && numeric && min != null && problem.task() == Task.REGRESSION) {
                targetQuartiles = new DataProfile.Quartiles(min, q1, median, q3, max);
            }
        }
        Double imbalance = null;
        if (problem.task() == Task.CLASSIFICATION) {
            targetDistribution = null; // the definition stage's record holds the class counts
        }
        return new DataProfile((int) total, names.size(), 0, profiles, problem.target(), targetDistribution, imbalance,
                targetQuartiles, List.of());
    }
}
