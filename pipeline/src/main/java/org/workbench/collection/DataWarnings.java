package org.workbench.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.stats.Association;
import org.workbench.stats.RocAuc;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import org.workbench.table.DataWarning;

/**
 * The data-quality linter: warns about columns that predict the target almost perfectly on their own
 * (a sign the column is computed from the target or recorded after it: "possible leakage"),
 * identifier-like columns, columns over half missing, constant columns, and test rows that are exact
 * copies of training rows.
 * <p>
 * A numeric column leaks when its single-feature ROC-AUC is at least 0.99 (two classes; an AUC near 0
 * separates as well, so max(AUC, 1 - AUC) counts), its correlation ratio eta is at least 0.99 (more
 * classes), or its |Pearson r| is at least 0.99 (numeric target). A categorical column leaks when
 * predicting each of its values' majority class is right for at least 99% of the rows (classes, and
 * better than always guessing the majority class) or its eta is at least 0.99 (numeric target); only
 * columns with at most one level per ten rows are judged, since memorising many levels fits anything. Rows
 * where the column is missing are left out; identifier-like columns are reported as identifiers instead.
 * On more than {@link #LEAKAGE_SAMPLE} rows the leakage screen looks at evenly spaced rows only (every
 * k-th row, about that many): a column that separates the classes at 0.99 does so on any large spread
 * of rows, and the screen is meant to flag, not to measure precisely. The warning says so.
 */
public final class DataWarnings {
    public static final double LEAKAGE = 0.99;
    public static final double MOSTLY_MISSING = 0.5;
    /** The most rows the leakage screen looks at. */
    public static final int LEAKAGE_SAMPLE = 20_000;
    /** The note on warnings about a column the config already drops, in place of advice to drop it. */
    public static final String DROPPED = "dropped by preprocess.drop";

    private DataWarnings() {
    }

    private static final java.util.regex.Pattern NUMBER_TEXT = java.util.regex.Pattern.compile("[-+(]?[$\u20ac\u00a3\u00a5]?\\s?\\d[\\d.,' \u00a0]*[)%]?");

    /**
     * A text column whose present cells (at least 95% of them) are numbers written with separators, signs
     * or a currency: a number column read as text (the read warns about its format), not an identifier.
     */
    public static boolean numbersAsText(Column<?> column) {
        int present = 0;
        int numbers = 0;
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                present++;
                if (NUMBER_TEXT.matcher(column.getString(row).trim()).matches()) {
                    numbers++;
                }
            }
        }
        return present > 0 && numbers >= 0.95 * present;
    }

    /** The column's first present value, as text. */
    private static String firstPresent(Column<?> column) {
        for (int row = 0; row < column.size(); row++) {
            if (!column.isMissing(row)) {
                return column.getString(row).trim();
            }
        }
        return "";
    }

    /**
     * What the linter finds without the profile, so it can run while the profile is computed: each
     * column's possible leakage (by column name) and how many of the test rows are copies of training rows.
     */
    public record Screen(Map<String, DataWarning> leaks, int sharedRows, int testRows, Map<String, Integer> trainClasses,
                         Map<String, Integer> testClasses) {

        /** Without class counts (a target that is numeric or absent). */
        public Screen(Map<String, DataWarning> leaks, int sharedRows, int testRows) {
            this(leaks, sharedRows, testRows, Map.of(), Map.of());
        }
    }

    /**
     * What the config says that changes the advice: the columns {@code preprocess.drop} removes, the
     * primary metric, the cross-validation folds, whether the features stage leaves identifier-like
     * text columns out ({@code features.keep_identifiers} false) and the columns
     * {@code features.encode_columns} names, which it keeps.
     */
    public record Setting(Set<String> dropped, String metric, int cvFolds, boolean leavesOutIdentifiers,
                          Set<String> encoded) {
        public static final Setting NONE = new Setting(Set.of(), null, 0);
        /** The key that keeps identifier-like columns (owned by the features stage). */
        public static final String KEEP_IDENTIFIERS = "features.keep_identifiers";

        public Setting(Set<String> dropped, String metric, int cvFolds) {
            this(dropped, metric, cvFolds, false, Set.of());
        }

        /**
         * Read from the resolved config (every default filled in) rather than the later stages' section
         * records: the collection stage runs before those stages and must not depend on their packages.
         */
        public static Setting of(org.workbench.config.PipelineConfig config, org.workbench.definition.Problem problem) {
            Set<String> dropped = new HashSet<>();
            config.resolved().path("preprocess").path("drop").forEach(column -> dropped.add(column.asText()));
            Set<String> encoded = new HashSet<>();
            config.resolved().path("features").path("encode_columns").fieldNames().forEachRemaining(encoded::add);
            return new Setting(dropped, problem.metric(), config.resolved().path("evaluate").path("cv_folds").asInt(),
                    !config.resolved().path("features").path("keep_identifiers").asBoolean(false), encoded);
        }
    }

    /** Warnings about the columns of every row with a target, then about rows shared by the splits. */
    public static List<DataWarning> of(DataProfile profile, Frame all, Frame train, Frame test) {
        return of(profile, all, screen(all, train, test));
    }

    public static Screen screen(Frame all, Frame train, Frame test) {
        int step = (all.rows() + LEAKAGE_SAMPLE - 1) / LEAKAGE_SAMPLE;
        Map<String, DataWarning> leaks = new HashMap<>();
        for (Column<?> column : all.features().columns()) {
            leakage(column, all.target(), step).ifPresent(w -> leaks.put(column.name(), w));
        }
        return new Screen(leaks, sharedRows(train, test), test.rows(), classCounts(train.target()), classCounts(test.target()));
    }

    private static Map<String, Integer> classCounts(Target target) {
        return target.isPresent() && target.isCategorical() ? target.counts() : Map.of();
    }

    /** The warnings without advice that depends on the config. */
    public static List<DataWarning> of(DataProfile profile, Frame all, Screen screen) {
        return of(profile, all, screen, Setting.NONE);
    }

    /**
     * The warnings in their order: about the classes (imbalance, classes missing from a split or rarer
     * than the folds), per column (identifier or leakage, mostly missing, constant), then shared rows.
     * Warnings about a column that {@code preprocess.drop} removes say so instead of advising to drop it.
     */
    public static List<DataWarning> of(DataProfile profile, Frame all, Screen screen, Setting setting) {
        return of(profile, all.features(), ClassWarnings.of(all.target(), screen, setting), screen, setting);
    }

    /**
     * The same warnings for an engine that holds the rows elsewhere (Spark): {@code columns} are the
     * feature columns of a bounded sample (read for their names and kinds only: the numbers come from
     * {@code profile}), {@code classCounts} the rows per class of every row with a target (empty for
     * a numeric target), and {@code screen} what the engine found for leakage, shared rows and the splits' classes.
     */
    public static List<DataWarning> of(DataProfile profile, Table columns, String target, Map<String, Integer> classCounts,
                                       Screen screen, Setting setting) {
        return of(profile, columns, ClassWarnings.of(target, classCounts, screen, setting), screen, setting);
    }

    private static List<DataWarning> of(DataProfile profile, Table columns, List<DataWarning> classes, Screen screen,
                                        Setting setting) {
        List<DataWarning> warnings = new ArrayList<>(classes);
        int classWarnings = warnings.size();
        List<String> leftOut = new ArrayList<>();
        Map<String, ColumnProfile> byName = new HashMap<>();
        profile.columnProfiles().forEach(c -> byName.put(c.name(), c));
        for (Column<?> column : columns.columns()) {
            ColumnProfile p = byName.get(column.name());
            if (p == null) {
                continue;
            }
            double missingShare = profile.rows() == 0 ? 0 : (double) p.missing() / profile.rows();
            if (p.identifierLike() && p.type().equals(ColumnProfile.CATEGORICAL) && numbersAsText(column)) {
                // amounts such as "$125,937" or "12.5%": features keep such a column, each value a category of its own
                warnings.add(new DataWarning("numbers_as_text", p.name(), p.distinct(), "'" + p.name() + "' holds numbers written"
                        + " as text (e.g. \"" + firstPresent(column) + "\"), so each of its " + p.distinct() + " distinct values is a"
                        + " category of its own; write plain numbers in the file (data.thousands and data.decimal read other"
                        + " separators)" + (setting.dropped().contains(p.name()) ? "" : ", or drop it (preprocess.drop)")));
            } else if (p.identifierLike()) {
                // numbers written as text took the branch above: a text column here is not one
                boolean leaves = setting.leavesOutIdentifiers() && p.type().equals(ColumnProfile.CATEGORICAL)
                        && !setting.dropped().contains(p.name()) && !setting.encoded().contains(p.name());
                if (leaves) {
                    leftOut.add(p.name());
                }
                warnings.add(new DataWarning("identifier", p.name(), p.distinct(), "'" + p.name() + "' looks like an identifier ("
                        + p.distinct() + " distinct values in " + (profile.rows() - p.missing()) + " rows)"
                        + (setting.dropped().contains(p.name()) || leaves ? "" : "; drop it (preprocess.drop)")));
            } else if (screen.leaks().containsKey(column.name())) {
                warnings.add(screen.leaks().get(column.name()));
            }
            if (missingShare > MOSTLY_MISSING) {
                warnings.add(new DataWarning("mostly_missing", p.name(), missingShare, String.format(Locale.ROOT,
                        "'%s' is %.1f%% missing (%d of %d rows)", p.name(), 100 * missingShare, p.missing(), profile.rows())));
            }
            if (p.constant() && p.missing() < profile.rows()) {
                warnings.add(new DataWarning("constant", p.name(), p.distinct(),
                        "'" + p.name() + "' is constant (" + p.distinct() + " distinct value); it cannot help a model"));
            }
        }
        for (int i = classWarnings; i < warnings.size(); i++) {
            warnings.set(i, markDropped(warnings.get(i), setting.dropped()));
        }
        if (!leftOut.isEmpty()) {
            // one line for all of them, with the key that keeps them
            warnings.add(new DataWarning("identifiers_left_out", null, leftOut.size(), "left out of the features as identifier-like: "
                    + String.join(", ", leftOut) + " (" + Setting.KEEP_IDENTIFIERS + ": true keeps them; features.encode_columns"
                    + " can give one frequency or target encoding)"));
        }
        int shared = screen.sharedRows();
        if (shared > 0) {
            warnings.add(new DataWarning("shared_duplicates", null, shared, shared + " of " + screen.testRows()
                    + " test rows are exact copies (features and target) of training rows; test scores on them are optimistic"));
        }
        return warnings;
    }

    /**
     * The warnings, each about a column the config already drops saying so (once). Warnings found
     * elsewhere (e.g. while reading the CSV) can be passed through it too.
     */
    public static List<DataWarning> markDropped(List<DataWarning> warnings, Set<String> dropped) {
        return warnings.stream().map(w -> markDropped(w, dropped)).toList();
    }

    static DataWarning markDropped(DataWarning w, Set<String> dropped) {
        if (w.column() == null || !dropped.contains(w.column()) || w.message().endsWith(DROPPED)) {
            return w;
        }
        return new DataWarning(w.kind(), w.column(), w.value(), w.message() + "; " + DROPPED);
    }

    /** A possible-leakage warning when the column alone predicts the target almost perfectly. */
    static java.util.Optional<DataWarning> leakage(Column<?> column, Target target) {
        return leakage(column, target, 1);
    }

    /** The possible leaks among the feature columns of a sample of rows with a target, by column name. */
    public static Map<String, DataWarning> leaks(Frame sample) {
        Map<String, DataWarning> leaks = new HashMap<>();
        for (Column<?> column : sample.features().columns()) {
            leakage(column, sample.target()).ifPresent(w -> leaks.put(column.name(), w));
        }
        return leaks;
    }

    /** As above, judged on every {@code step}-th row. */
    static java.util.Optional<DataWarning> leakage(Column<?> column, Target target, int step) {
        int[] rows = new int[column.size()];
        int n = 0;
        for (int i = 0; i < column.size(); i += step) {
            if (!column.isMissing(i)) {
                rows[n++] = i;
            }
        }
        if (n < 2) {
            return java.util.Optional.empty();
        }
        rows = Arrays.copyOf(rows, n);
        String measure;
        double value;
        if (column instanceof DoubleColumn numbers) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = numbers.getDouble(rows[i]);
            }
            if (!target.isCategorical()) {
                measure = "|correlation|";
                value = Math.abs(Association.pearson(x, values(target, rows)));
            } else {
                String[] labels = labels(target, rows);
                if (classes(labels).size() == 2) {
                    measure = "ROC-AUC";
                    double auc = auc(x, labels);
                    value = Math.max(auc, 1 - auc);
                } else {
                    measure = "correlation ratio";
                    value = Association.eta(x, labels);
                }
            }
        } else {
            StringColumn text = (StringColumn) column;
            String[] levels = new String[n];
            for (int i = 0; i < n; i++) {
                levels[i] = text.get(rows[i]);
            }
            if (classes(levels).size() > Math.max(2, levels.length / 10)) {
                return java.util.Optional.empty();  // with this many levels, memorising them looks like predicting
            }
            if (target.isCategorical()) {
                measure = "accuracy";
                String[] labels = labels(target, rows);
                value = purity(levels, labels);
                if (value <= majorityShare(labels)) {
                    return java.util.Optional.empty();
                }
            } else {
                measure = "correlation ratio";
                value = Association.eta(values(target, rows), levels);
            }
        }
        if (value < LEAKAGE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DataWarning("possible_leakage", column.name(), value, String.format(Locale.ROOT,
                "possible leakage: '%s' alone predicts '%s' almost perfectly (%s %.4f%s); check it is known before the target",
                column.name(), target.name(), measure, value,
                step == 1 ? "" : String.format(Locale.ROOT, " on every %s row, %d rows", ordinal(step), n))));
    }

    private static String ordinal(int k) {
        String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th" : switch (k % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return k + suffix;
    }

    private static String[] labels(Target target, int[] rows) {
        String[] all = target.labels();
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }

    private static double[] values(Target target, int[] rows) {
        double[] all = target.values();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = all[rows[i]];
        }
        return out;
    }

    /** The distinct values (null included, as a HashSet holds it). */
    private static Set<String> classes(String[] values) {
        return new HashSet<>(Arrays.asList(values));
    }

    /** ROC-AUC of scores x for the second class (in sorted order) against the first. */
    static double auc(double[] x, String[] labels) {
        String positive = Arrays.stream(labels).distinct().sorted().toList().get(1);
        boolean[] isPositive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            isPositive[i] = labels[i].equals(positive);
        }
        return RocAuc.of(isPositive, x);
    }

    /** Share of rows whose label is the majority label of their level. */
    static double purity(String[] levels, String[] labels) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int i = 0; i < levels.length; i++) {
            counts.computeIfAbsent(levels[i], k -> new HashMap<>()).merge(labels[i], 1, Integer::sum);
        }
        int right = 0;
        for (Map<String, Integer> perLabel : counts.values()) {
            right += perLabel.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return (double) right / levels.length;
    }

    private static double majorityShare(String[] labels) {
        Map<String, Integer> counts = new HashMap<>();
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        return (double) counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / labels.length;
    }

    /** Test rows equal in every feature and in the target to some training row. */
    static int sharedRows(Frame train, Frame test) {
        return RowKeys.shared(train, test);
    }
}
