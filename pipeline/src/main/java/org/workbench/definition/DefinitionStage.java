package org.workbench.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.workbench.table.CsvSource;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Labels;
import org.workbench.data.Task;
import org.workbench.data.MetricNames;
import org.workbench.models.ModelCatalog;
import org.workbench.models.TrainConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.core.Artifact;
import org.workbench.table.DataConfig;
import org.workbench.table.CsvDialect;
import org.workbench.table.DataWarning;
import org.workbench.data.TableCodec;

/**
 * Stage 1: pins down the problem. Reads only the target column, infers the task when it is
 * "auto", and checks that the metric, positive class and algorithm fit that task.
 */
public final class DefinitionStage implements Stage {
    public static final Artifact<Problem> PROBLEM = new Artifact<>("problem", Problem.class, "definition");
    /** The CSV as read, every column: read once by the definition stage, profiled and split by collection. */
    public static final Artifact<tech.tablesaw.api.Table> RAW_TABLE = new Artifact<>("raw_table", tech.tablesaw.api.Table.class, "definition");
    /** How RAW_TABLE was read (dialect), with the read's data warnings and notes. */
    public static final Artifact<org.workbench.table.CsvSource.CsvRead> CSV_READ = new Artifact<>("csv_read", org.workbench.table.CsvSource.CsvRead.class, "definition");
    /**
     * The dialect alone, for the bundle: CSV_READ holds the whole table, so the bundle's reader of the
     * dialect would keep every row alive until the last stage.
     */
    public static final Artifact<CsvDialect> CSV_DIALECT = new Artifact<>("csv_dialect", CsvDialect.class, "definition");

    /** A numeric target with more distinct values than this is treated as regression. */
    static final int MAX_CLASSES_FOR_AUTO = 20;

    private final PrefitCheck prefit;

    /** {@code prefit} checks the later stages' settings; the layer that assembles the stages supplies it. */
    public DefinitionStage(PrefitCheck prefit) {
        this.prefit = prefit;
    }

    @Override
    public String name() {
        return "definition";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Map.of("problem", ProblemConfig.KEYS);
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of();
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(PROBLEM, RAW_TABLE, CSV_READ, CSV_DIALECT);
    }

    /** The problem, the data and the algorithm's name; {@code train.params} is checked again by the training stage. */
    @Override
    public List<String> keyPaths() {
        return List.of("data", "problem", "train.model");
    }

    @Override
    public Map<String, org.workbench.stage.Codec<?>> codecs() {
        return Map.of(PROBLEM.name(), org.workbench.stage.Codec.json(Problem.class),
                RAW_TABLE.name(), org.workbench.stage.Codec.of(TableCodec::writeTable, TableCodec::readTable),
                CSV_READ.name(), org.workbench.stage.Codec.of(DefinitionStage::writeRead, DefinitionStage::readRead),
                CSV_DIALECT.name(), org.workbench.stage.Codec.of(DefinitionStage::writeDialect, DefinitionStage::readDialect));
    }

    /**
     * The read without its table, which is RAW_TABLE itself and stored once, there: a restored read has
     * no table, and its one reader, the collection stage, takes RAW_TABLE.
     */
    private static void writeRead(java.io.DataOutputStream out, CsvSource.CsvRead read) throws java.io.IOException {
        writeDialect(out, read.dialect());
        org.workbench.stage.Codec.writeJson(out, read.warnings());
        org.workbench.stage.Codec.writeJson(out, read.notes());
    }

    private static CsvSource.CsvRead readRead(java.io.DataInputStream in) throws java.io.IOException {
        CsvDialect dialect = readDialect(in);
        DataWarning[] warnings = org.workbench.stage.Codec.readJson(in, DataWarning[].class);
        String[] notes = org.workbench.stage.Codec.readJson(in, String[].class);
        return new CsvSource.CsvRead(null, dialect, List.of(warnings), List.of(notes));
    }

    private static void writeDialect(java.io.DataOutputStream out, CsvDialect d) throws java.io.IOException {
        out.writeChar(d.delimiter());
        out.writeChar(d.decimal());
        out.writeChar(d.thousands());
        TableCodec.writeString(out, d.encoding().name());
        out.writeBoolean(d.delimiterSniffed());
        out.writeBoolean(d.decimalSniffed());
    }

    private static CsvDialect readDialect(java.io.DataInputStream in) throws java.io.IOException {
        return new CsvDialect(in.readChar(), in.readChar(), in.readChar(),
                java.nio.charset.Charset.forName(TableCodec.readString(in)), in.readBoolean(), in.readBoolean());
    }

    @Override
    public String description() {
        return "read the data; task, target, primary metric and algorithm, checked against the target column";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        ProblemConfig cfg = config.section(ProblemConfig.class);
        if (cfg.isClustering()) {
            return clustering(context);
        }
        CsvSource.CsvRead read = readOnce(context);
        Table table = read.table();
        List<String> details = new ArrayList<>();
        if (read.reformattedNumbers().contains(cfg.target()) && table.column(cfg.target()) instanceof DoubleColumn numbers
                && (cfg.task().equals("classification") || cfg.task().equals("auto") && inferTask(numbers) == Task.CLASSIFICATION)) {
            // classes are labels: "001" and "010" stay as written, not 1 and 10 (nor "1.0" 1), as pandas' read with dtype=str
            table.replaceColumn(cfg.target(), targetAsWritten(config, cfg.target()));
            details.add("classes kept as the file writes them (some are not plain integers, e.g. 001 or 1.0)");
        }
        Checked checked = check(config, table, prefit);
        Problem problem = checked.problem();
        context.put(DefinitionStage.PROBLEM, problem);

        TreeMap<String, Integer> classes = null;
        String taskNote = cfg.task().equals("auto") ? " (inferred from the target)" : "";
        String what;
        if (problem.task() == Task.CLASSIFICATION) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (String l : Labels.of(table.column(cfg.target()))) {
                if (l != null) {
                    counts.merge(l, 1, Integer::sum);
                }
            }
            classes = counts;
            what = problem.classes().size() + " classes " + shown(counts);
            int max = counts.values().stream().max(Integer::compare).orElse(0);
            int min = counts.values().stream().min(Integer::compare).orElse(0);
            details.add(String.format(java.util.Locale.ROOT, "class balance: largest/smallest = %d/%d = %.2f", max, min, (double) max / min));
        } else {
            what = "a numeric target";
        }
        int missing = countMissing(table.column(cfg.target()));
        if (missing > 0) {
            details.add(missing + " rows have no target value and will be dropped by the collection stage");
        }
        details.add(checked.findings().describe());
        String summary = String.format(Locale.ROOT, "%s%s of '%s' (%s), scored by %s; algorithm %s",
                problem.task().label(), taskNote, problem.target(), what, problem.metric(), problem.model());
        return StageResult.of(name(), summary, details, DefinitionRecord.supervised(problem, classes, missing, checked.findings()));
    }

    /** The class counts, "{no=5190, yes=4809}"; beyond 20 classes the 20 most frequent and how many more. */
    static String shown(TreeMap<String, Integer> counts) {
        if (counts.size() <= MAX_CLASSES_FOR_AUTO) {
            return counts.toString();
        }
        List<String> top = counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(MAX_CLASSES_FOR_AUTO).map(e -> e.getKey() + "=" + e.getValue()).toList();
        return "{" + String.join(", ", top) + ", ... " + (counts.size() - MAX_CLASSES_FOR_AUTO) + " more}";
    }

    /** The target column read again as text: its cells as the file writes them. */
    private static Column<?> targetAsWritten(PipelineConfig config, String target) {
        DataConfig data = config.section(DataConfig.class);
        Map<String, String> types = new LinkedHashMap<>(data.columnTypes());
        types.put(target, DataConfig.CATEGORICAL);
        return CsvSource.read(data.forFile(data.source(), types), java.util.Set.of(target)).column(target);
    }

    /** The data is read once, here, and handed to the collection stage, which profiles and splits it. */
    private static CsvSource.CsvRead readOnce(RunContext context) {
        CsvSource.CsvRead read = CsvSource.load(context.config().section(DataConfig.class), context.progress());
        context.put(DefinitionStage.RAW_TABLE, read.table());
        context.put(DefinitionStage.CSV_READ, read);
        context.put(DefinitionStage.CSV_DIALECT, read.dialect());
        return read;
    }

    private StageResult clustering(RunContext context) {
        PipelineConfig config = context.config();
        ProblemConfig cfg = config.section(ProblemConfig.class);
        Table table = readOnce(context).table();
        Checked checked = check(config, table, prefit);
        Problem problem = checked.problem();
        Column<?> label = cfg.target() == null ? null : table.column(cfg.target());
        context.put(DefinitionStage.PROBLEM, problem);

        List<String> details = new ArrayList<>();
        TreeMap<String, Integer> labelClasses = null;
        String what = "no label column: clusters are judged by their own shape (silhouette, within-cluster sum of squares)";
        if (label != null) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (String l : Labels.of(label)) {
                if (l != null) {
                    counts.merge(l, 1, Integer::sum);
                }
            }
            labelClasses = counts;
            what = "label column '" + cfg.target() + "' " + counts + " scores agreement (ARI, NMI) and is never a feature";
        }
        details.add("clustering learns from the features alone; cross-validation, tuning and comparison do not apply");
        details.add(checked.findings().describe());
        String summary = String.format(Locale.ROOT, "clustering (explicit); %s; scored by %s; algorithm %s", what, problem.metric(),
                problem.model());
        return StageResult.of(name(), summary, details, DefinitionRecord.clustering(problem, label == null ? null : cfg.target(),
                labelClasses, label == null ? null : countMissing(label), checked.findings()));
    }

    /** The problem and what the pre-fit check found. */
    public record Checked(Problem problem, PrefitCheck.Findings findings) {
    }

    /**
     * The problem {@code config} poses on {@code table}, after every check that needs no fitting
     * ({@code prefit}). {@code workbench run} and {@code workbench validate} both call this.
     */
    public static Checked check(PipelineConfig config, Table table, PrefitCheck prefit) {
        ProblemConfig cfg = config.section(ProblemConfig.class);
        prefit.checkSettings(config);
        if (cfg.target() != null) {
            CsvSource.requireColumn(config.section(DataConfig.class), table, cfg.target());
        }
        Column<?> target = cfg.target() == null ? null : table.column(cfg.target());
        Problem problem = define(cfg, config.section(TrainConfig.class), target, config.section(DataConfig.class).source().toString());
        return new Checked(problem, prefit.check(config, table, problem));
    }

    /**
     * Resolves "auto" choices and validates the problem against the target column. For clustering
     * {@code target} is the optional label column (null when there is none).
     */
    public static Problem define(ProblemConfig cfg, TrainConfig train, Column<?> target, String file) {
        if (cfg.isClustering()) {
            return ClusteringProblem.define(cfg, train, target, file);
        }
        int missing = countMissing(target);
        if (missing > 0 && cfg.missingTarget().equals("fail")) {
            throw new ConfigException("problem.missing_target", file + ": target '" + cfg.target() + "' has "
                    + missing + " missing values and missing_target is 'fail'");
        }
        if (missing == target.size()) {
            throw new ConfigException("problem.target", file + ": target '" + cfg.target() + "' has no values");
        }
        Task task = switch (cfg.task()) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> inferTask(target);
        };
        if (task == Task.REGRESSION && !(target instanceof DoubleColumn)) {
            throw new ConfigException("problem.task", "regression needs a numeric target, but '" + cfg.target()
                    + "' in " + file + " holds text");
        }
        if (task == Task.REGRESSION) {
            requireSquaresFit(cfg.target(), (DoubleColumn) target, file);
        }
        List<String> classes = List.of();
        String positive = null;
        if (task == Task.CLASSIFICATION) {
            classes = java.util.Arrays.stream(Labels.of(target)).filter(java.util.Objects::nonNull)
                    .distinct().sorted().toList();
            if (classes.size() < 2) {
                throw new ConfigException("problem.target", file + ": target '" + cfg.target()
                        + "' has a single class " + classes + "; a classifier needs at least two"
                        + (target.size() < 10 ? " (the file has only " + target.size() + " data row" + (target.size() == 1 ? "" : "s")
                        + ")" : ""));
            }
            requireRepeatedClasses(cfg, target, classes.size(), file);
            positive = cfg.positiveClass();
            if (positive != null && !classes.contains(positive)) {
                throw new ConfigException("problem.positive_class", "'" + positive + "' is not a class of '"
                        + cfg.target() + "'; classes are " + classes);
            }
            if (positive == null && classes.size() == 2) {
                positive = minority(Labels.of(target), classes);
            }
        } else if (cfg.positiveClass() != null) {
            throw new ConfigException("problem.positive_class", "only applies to classification");
        }
        String metric = MetricNames.resolve(cfg.metric(), task, "problem.metric");
        String model = train.model().equals("auto") ? ModelCatalog.defaultModel(task) : train.model();
        ModelCatalog.spec(model, task).resolvedParams(train.params());
        return new Problem(cfg.target(), task, metric, positive, classes, model);
    }

    /** Beyond this size a target's squared errors, summed over the rows, can overflow a double. */
    static final double LARGEST_TARGET = 1e150;

    /**
     * Squared errors of a target near the largest double overflow: RMSE and R² become infinite or NaN
     * (1e308 in 2% of the rows stopped a run with an internal error after fitting). Refused before fitting.
     */
    private static void requireSquaresFit(String name, DoubleColumn target, String file) {
        int beyond = 0;
        double largest = 0;
        for (int row = 0; row < target.size(); row++) {
            double v = target.getDouble(row);
            if (!Double.isNaN(v) && !(Math.abs(v) <= LARGEST_TARGET)) {
                beyond++;
                largest = Math.abs(v) > Math.abs(largest) ? v : largest;
            }
        }
        if (beyond > 0) {
            throw new ConfigException("problem.target", String.format(Locale.ROOT, "%s: target '%s' has %d value%s beyond"
                    + " +/-1e150 (e.g. %s), whose squared errors overflow; rescale the target (e.g. divide it by a power of"
                    + " ten in the file) or list such codes in data.missing_values", file, name, beyond, beyond == 1 ? "" : "s",
                    largest));
        }
    }

    /**
     * A class seen in one row cannot be both learned and tested: a target where most of many classes are
     * single rows is an identifier or a quantity, not a category ("$125,937" as text made 398 classes of 400
     * rows, and a run that ended with accuracy 0 and exit 0). Refused before anything is fitted when the task was
     * inferred; {@code problem.task: classification} keeps such classes (a long tail the user means).
     */
    private static void requireRepeatedClasses(ProblemConfig cfg, Column<?> target, int classCount, String file) {
        if (classCount <= MAX_CLASSES_FOR_AUTO || !cfg.task().equals("auto")) {
            return;
        }
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String label : Labels.of(target)) {
            if (label != null) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        requireRepeatedClasses(cfg.target(), counts, file);
    }

    /** The rule above over an inferred classification's class counts (both engines): most of many classes single rows. */
    public static void requireRepeatedClasses(String target, java.util.Map<String, Integer> counts, String file) {
        if (counts.size() <= MAX_CLASSES_FOR_AUTO) {
            return;
        }
        long once = counts.values().stream().filter(n -> n == 1).count();
        if (once * 2 <= counts.size()) {
            return;
        }
        long rows = counts.values().stream().mapToLong(Integer::longValue).sum();
        String example = counts.keySet().stream().sorted().findFirst().orElse("");
        long withDigits = counts.keySet().stream().filter(l -> l.chars().anyMatch(Character::isDigit)).count();
        String hint = withDigits * 10 >= counts.size() * 9
                ? "its values look like amounts written as text (e.g. \"" + example + "\"): write them as plain numbers in the file"
                        + " (or set data.thousands / data.decimal when only the separators differ), then problem.task: regression"
                : "is it an identifier? choose another problem.target";
        throw new ConfigException("problem.target", String.format(java.util.Locale.ROOT, "%s: target '%s' has %,d classes among"
                + " %,d rows, %,d of them seen once: a classifier cannot learn a class from one row; %s (or set"
                + " problem.task: classification to keep them as classes)", file, target, counts.size(), rows, once, hint));
    }

    static Task inferTask(Column<?> target) {
        if (target instanceof DoubleColumn d) {
            long distinct = d.removeMissing().unique().size();
            return distinct > MAX_CLASSES_FOR_AUTO ? Task.REGRESSION : Task.CLASSIFICATION;
        }
        return Task.CLASSIFICATION;
    }

    /** The rarer of two classes (ties: the later in sorted order, so "1" beats "0"). */
    private static String minority(String[] labels, List<String> classes) {
        long first = java.util.Arrays.stream(labels).filter(classes.get(0)::equals).count();
        long second = java.util.Arrays.stream(labels).filter(classes.get(1)::equals).count();
        return first < second ? classes.get(0) : classes.get(1);
    }

    private static int countMissing(Column<?> column) {
        int n = 0;
        for (String l : Labels.of(column)) {
            if (l == null) {
                n++;
            }
        }
        return n;
    }
}
