package org.workbench.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.workbench.config.Key;
import org.workbench.config.PipelineConfig;
import org.workbench.core.Background;
import org.workbench.stage.RunContext;
import org.workbench.stage.Stage;
import org.workbench.stage.StageResult;
import org.workbench.data.Frame;
import org.workbench.data.TableCodec;
import org.workbench.stage.Codec;
import org.workbench.data.Labels;
import org.workbench.data.Split;
import org.workbench.data.Splits;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.definition.Problem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.core.Artifact;
import org.workbench.definition.DefinitionStage;
import org.workbench.table.CsvSource;
import org.workbench.table.CsvDialect;
import org.workbench.table.DataConfig;
import org.workbench.table.DataWarning;

/**
 * Stage 2: reads the CSV, fingerprints and profiles it, drops rows without a target and holds out
 * the test split (stratified and seeded) before anything is fitted.
 */
public final class CollectionStage implements Stage {
    public static final Artifact<DataSource> SOURCE = new Artifact<>("source", DataSource.class, "collection");
    /** The data file's SHA-256 when the caller has already hashed it (the runner does, for the stage cache's key). */
    public static final Artifact<String> FILE_SHA256 = new Artifact<>("file_sha256", String.class, "runner");
    public static final Artifact<DataProfile> PROFILE = new Artifact<>("profile", DataProfile.class, "collection");
    /**
     * The target of every row that has one, in file order (predictions.csv's truth column). The rows'
     * features live on only in RAW_TRAIN and RAW_TEST, so the table read is free once this stage ends.
     */
    public static final Artifact<Target> TARGETS = new Artifact<>("targets", Target.class, "collection");
    /** The training split, raw: what cross-validation and tuning refit the recipe on. */
    public static final Artifact<Frame> RAW_TRAIN = new Artifact<>("raw_train", Frame.class, "collection");
    public static final Artifact<Frame> RAW_TEST = new Artifact<>("raw_test", Frame.class, "collection");
    /** For each row of TARGETS, its 1-based data row number in the file (rows without target are skipped). */
    public static final Artifact<int[]> ROW_NUMBERS = new Artifact<>("row_numbers", int[].class, "collection");
    /** The training split's number columns summarised for the bundle's drift profile, from the profile's sorting. */
    public static final Artifact<TrainingNumbers> TRAINING_NUMBERS = new Artifact<>("training_numbers", TrainingNumbers.class, "collection");
    /** Indices into TARGETS (every row with a target, in file order) of the training and test splits. */
    public static final Artifact<Split> SPLIT = new Artifact<>("split", Split.class, "collection");

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public Map<String, List<Key>> configKeys() {
        return Key.sections("data", DataConfig.KEYS, "data.split", DataConfig.Split.KEYS);
    }

    @Override
    public List<Artifact<?>> inputs() {
        return List.of(DefinitionStage.PROBLEM, DefinitionStage.CSV_READ, DefinitionStage.RAW_TABLE, FILE_SHA256);
    }

    @Override
    public List<Artifact<?>> outputs() {
        return List.of(SOURCE, TARGETS, PROFILE, RAW_TRAIN, RAW_TEST, SPLIT, ROW_NUMBERS, TRAINING_NUMBERS);
    }

    @Override
    public Map<String, Codec<?>> codecs() {
        Codec<Frame> frame = Codec.of(TableCodec::writeFrame, TableCodec::readFrame);
        return Map.of(SOURCE.name(), Codec.json(DataSource.class), TARGETS.name(), Codec.of(TableCodec::writeTarget, TableCodec::readTarget),
                PROFILE.name(), Codec.json(DataProfile.class), RAW_TRAIN.name(), frame, RAW_TEST.name(), frame,
                SPLIT.name(), Codec.<Split>of((out, split) -> {
                    TableCodec.writeInts(out, split.train());
                    TableCodec.writeInts(out, split.test());
                }, in -> new Split(TableCodec.readInts(in), TableCodec.readInts(in))),
                ROW_NUMBERS.name(), Codec.of(TableCodec::writeInts, TableCodec::readInts),
                TRAINING_NUMBERS.name(), Codec.json(TrainingNumbers.class));
    }

    @Override
    public String description() {
        return "read the CSV, infer the schema, profile data quality, hash the file, split off the test rows";
    }

    @Override
    public StageResult run(RunContext context) {
        PipelineConfig config = context.config();
        Problem problem = context.get(DefinitionStage.PROBLEM);
        CsvSource.CsvRead read = context.find(DefinitionStage.CSV_READ).orElseGet(() -> CsvSource.load(config.section(DataConfig.class), context.progress()));
        Table table = context.find(DefinitionStage.RAW_TABLE).orElse(read.table());
        // the profile is only reported: it is computed on a second thread while the rows are split and screened;
        // it sorts the training rows apart, which gives the bundle's drift profile of them, once the split is cut
        CompletableFuture<int[]> trainRows = new CompletableFuture<>();
        Background<DataProfile.Profiled> profiling = Background.start("profile", () -> DataProfile.of(table, problem.target(),
                trainRows::join));

        // clustering keeps every row: its label column, if any, only scores the rows that have a label
        boolean clustering = problem.task() == Task.CLUSTERING;
        int[] kept;
        Target target;
        Split split;
        DataConfig.Split splitCfg = config.section(DataConfig.class).split();
        try {
            kept = clustering ? java.util.stream.IntStream.range(0, table.rowCount()).toArray()
                    : rowsWithTarget(table.column(problem.target()));
            target = problem.target() == null ? Target.none(kept.length) : target(problem, table.column(problem.target()), kept);
            split = Splits.holdout(target, splitCfg.test(), splitCfg.stratify() && !clustering, config.seed());
            int[] rows = new int[split.train().length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = kept[split.train()[i]];
            }
            trainRows.complete(rows);
        } catch (RuntimeException | Error e) {
            trainRows.completeExceptionally(e); // the profile thread must not wait for rows that will not come
            throw e;
        }
        int dropped = table.rowCount() - kept.length;
        String sha256 = context.find(FILE_SHA256).orElseGet(() -> FileHash.sha256(config.section(DataConfig.class).source()));

        // every row kept: the read columns themselves, since nothing changes a column in place (steps are
        // pure, see StepContractTest); else the kept rows, column by column (Tablesaw's rows() goes cell by cell)
        Table features = kept.length == table.rowCount() ? Table.create(table.name(), table.columns().toArray(Column[]::new))
                : new Frame(table, null).subset(kept).features();
        if (problem.target() != null) {
            features.removeColumns(problem.target());
        }
        Frame all = new Frame(features, target);

        List<DataSource.InputColumn> schema = new ArrayList<>();
        for (Column<?> c : features.columns()) {
            schema.add(new DataSource.InputColumn(c.name(), c instanceof DoubleColumn ? "numeric" : "categorical"));
        }
        String file = config.baseDir().relativize(config.section(DataConfig.class).source()).toString();
        context.put(CollectionStage.SOURCE, new DataSource(file, sha256, table.rowCount(), dropped, schema));
        context.put(CollectionStage.TARGETS, target);

        Frame train = all.subset(split.train());
        Frame test = all.subset(split.test());
        Frame screened = clustering ? unlabelled(all) : all;
        DataWarnings.Screen screen = clustering ? DataWarnings.screen(screened, unlabelled(train), unlabelled(test))
                : DataWarnings.screen(all, train, test);
        DataProfile.Profiled profiled = profiling.join();
        DataProfile profile = profiled.profile();
        context.put(CollectionStage.TRAINING_NUMBERS, profiled.trainingNumbers());
        // the read's warnings (odd cells, infinities, missing-value codes) explain the numbers behind the others: first
        DataWarnings.Setting setting = DataWarnings.Setting.of(config, problem);
        List<DataWarning> warnings = new ArrayList<>(DataWarnings.markDropped(read.warnings(), setting.dropped()));
        // a column of formatted numbers read as text has as many levels as rows: its read warning says why, so the
        // identifier warning would only mislead
        java.util.Set<String> formatted = read.warnings().stream().filter(w -> w.kind().equals("formatted_numbers"))
                .map(DataWarning::column).collect(java.util.stream.Collectors.toSet());
        DataWarnings.of(profile, screened, screen, setting).stream()
                .filter(w -> !((w.kind().equals("identifier") || w.kind().equals("numbers_as_text")) && formatted.contains(w.column())))
                .forEach(warnings::add);
        profile = profile.withWarnings(warnings);
        context.put(CollectionStage.PROFILE, profile);
        context.put(CollectionStage.RAW_TRAIN, train);
        context.put(CollectionStage.RAW_TEST, test);
        context.put(CollectionStage.SPLIT, split);
        context.put(CollectionStage.ROW_NUMBERS, java.util.Arrays.stream(kept).map(i -> i + 1).toArray());

        boolean stratified = splitCfg.stratify() && problem.task() == Task.CLASSIFICATION;
        List<String> details = new ArrayList<>(read.notes());
        details.addAll(profile.describe());
        if (dropped > 0) {
            details.add(0, "dropped " + dropped + " rows without a value for '" + problem.target() + "'");
        }
        CsvDialect dialect = read.dialect();
        // a plain comma file is not worth a word in the summary (the details and run.json say it was sniffed)
        String how = dialect.plain() ? "" : dialect.describe() + ", ";
        String summary = String.format(Locale.ROOT, "read %d rows x %d columns from %s (%ssha256 %s...); %s%d train / %d test rows (%s, seed %d)%s",
                table.rowCount(), table.columnCount(), file, how, sha256.substring(0, 12),
                dropped > 0 ? "dropped " + dropped + " without target; " : "",
                train.rows(), test.rows(), stratified ? "stratified" : "shuffled", config.seed(),
                profile.warnings().isEmpty() ? "" : "; " + profile.warnings().size() + " data warnings");
        return StageResult.of(name(), summary, details, new CollectionRecord(file, sha256, CollectionRecord.Dialect.of(dialect),
                read.notes(), table.rowCount(), table.columnCount(), dropped, train.rows(), test.rows(), profile, profile.warnings()));
    }

    /** A clustering label is not predicted, so a column that matches it is no leak; duplicates are judged on features. */
    private static Frame unlabelled(Frame frame) {
        return new Frame(frame.features(), Target.none(frame.rows()));
    }

    private static int[] rowsWithTarget(Column<?> target) {
        String[] labels = Labels.of(target);
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] != null).toArray();
    }

    private static Target target(Problem problem, Column<?> column, int[] kept) {
        if (problem.task() != Task.REGRESSION) {
            String[] all = Labels.of(column);
            String[] out = new String[kept.length];
            for (int i = 0; i < kept.length; i++) {
                out[i] = all[kept[i]];
            }
            return Target.labels(problem.target(), out);
        }
        DoubleColumn d = (DoubleColumn) column;
        double[] out = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            out[i] = d.getDouble(kept[i]);
        }
        return Target.values(problem.target(), out);
    }
}
