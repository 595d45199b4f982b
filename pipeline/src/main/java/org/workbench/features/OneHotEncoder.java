package org.workbench.features;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.workbench.core.InputException;
import org.workbench.core.Memory;
import org.workbench.recipe.ApplyLog;
import org.workbench.recipe.FeatureColumns;
import org.workbench.recipe.FittedStep;
import org.workbench.recipe.UnsupervisedStep;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One-hot encodes categorical columns: one 0/1 numeric column {@code column=level} per level seen in
 * the training rows. Levels seen in fewer than {@code minFrequency} training rows (a count when >= 1,
 * else a share of the rows, as scikit-learn's {@code min_frequency}; 0 = off) share {@code column=other};
 * with {@code maxLevels > 0}, only that many of the remaining most frequent levels (ties broken
 * alphabetically) get their own column and the rest join {@code column=other} too.
 * Missing ("") is not a level, so a missing category encodes as all zeros, like a level never seen
 * in training. When a kept level is itself "other" (in any case), the pooled column is
 * {@code column=other (pooled)} instead ({@link #poolName}), so the real level keeps its own column.
 */
public record OneHotEncoder(int maxLevels, double minFrequency, CategoricalColumns columns) implements UnsupervisedStep {
    public static final String OTHER = "other";

    /**
     * The level name rare levels share: "other", unless a kept level already is "other" (names ignore case),
     * then "other (pooled)" (or "other (pooled 2)", ...). Both engines name the pooled column with this.
     */
    public static String poolName(java.util.Collection<String> kept) {
        Set<String> taken = new HashSet<>();
        kept.forEach(level -> taken.add(level.toLowerCase(Locale.ROOT)));
        String name = OTHER;
        for (int n = 1; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = OTHER + (n == 1 ? " (pooled)" : " (pooled " + n + ")");
        }
        return name;
    }

    public OneHotEncoder() {
        this(0, CategoricalColumns.ALL);
    }

    public OneHotEncoder(int maxLevels, CategoricalColumns columns) {
        this(maxLevels, 0, columns);
    }

    @Override
    public String name() {
        return "onehot";
    }

    @Override
    public Fitted fit(Table train) {
        List<Fitted.Levels> encoded = new ArrayList<>();
        for (StringColumn text : columns.of(train, "features.encode_columns")) {
            encoded.add(levels(text));
        }
        Fitted fitted = new Fitted(encoded);
        checkNamesDiffer(train, fitted);
        return fitted;
    }

    /** Levels sorted so the output columns come in a fixed order; rare ones pooled when capped. */
    private Fitted.Levels levels(StringColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.get(i).isEmpty()) {
                counts.merge(column.get(i), 1, Integer::sum);
            }
        }
        List<String> byFrequency = new ArrayList<>(counts.keySet());
        byFrequency.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        // as scikit-learn: a share is of all training rows, missing ones included
        double least = minFrequency >= 1 ? minFrequency : minFrequency * column.size();
        int frequent = 0;
        while (frequent < byFrequency.size() && counts.get(byFrequency.get(frequent)) >= least) {
            frequent++;
        }
        int keep = maxLevels > 0 ? Math.min(maxLevels, frequent) : frequent;
        if (keep == byFrequency.size()) {
            return new Fitted.Levels(column.name(), byFrequency.stream().sorted().toList());
        }
        List<String> kept = byFrequency.subList(0, keep).stream().sorted().toList();
        List<String> rare = byFrequency.subList(keep, byFrequency.size()).stream().sorted().toList();
        return new Fitted.Levels(column.name(), kept, rare);
    }

    /**
     * Table column names ignore case and surrounding spaces, so "Sex=male" and "Sex=Male" would clash, and so would a one-hot
     * column and another column of the same name: column "a" with level "b=c" and column "a=b" with level "c"
     * both make "a=b=c", as would a column already named "a=b=c". The error names both makers.
     */
    private static void checkNamesDiffer(Table train, Fitted fitted) {
        Map<String, String> makers = new HashMap<>();
        Set<String> encoded = fitted.encodedNames();
        for (String name : train.columnNames()) {
            if (!encoded.contains(name)) {
                makers.put(FeatureColumns.nameKey(name), "column '" + name + "'");
            }
        }
        for (Fitted.Levels c : fitted.columns()) {
            for (String level : c.outputs()) {
                String name = c.column() + "=" + level;
                String maker = "column '" + c.column() + "', level '" + level + "'";
                String earlier = makers.putIfAbsent(FeatureColumns.nameKey(name), maker);
                if (earlier == null) {
                    continue;
                }
                boolean sameColumn = earlier.startsWith("column '" + c.column() + "', level ");
                throw new InputException("features.encode: one-hot would make the feature '" + name.trim() + "' twice (names ignore"
                        + " case and surrounding spaces): from " + earlier + " and from " + maker + "; " + (sameColumn
                        ? "make the levels of '" + c.column() + "' differ by more than case and spaces in the data"
                        : "rename one of these columns in the data, or leave it out (preprocess.drop)"));
            }
        }
    }

    /**
     * The levels of each encoded column (rarer levels share an "other" column when capped). Output column order is fixed: first the other columns in their
     * input order (numeric ones untouched), then, per encoded column in training order, one 0/1 column
     * {@code column=level} per level in sorted order. A value that is not a training level (unseen, or
     * missing "") gives all zeros and is counted in the {@link ApplyLog}.
     */
    @JsonTypeName("onehot")
    public record Fitted(List<Levels> columns) implements FittedStep {

        /**
         * One categorical column, its sorted training levels, and the rarer training levels pooled into
         * {@code column=other} (empty when the levels were not capped).
         */
        public record Levels(String column, List<String> levels, List<String> rare) {
            public Levels {
                levels = List.copyOf(levels);
                rare = List.copyOf(rare);
            }

            public Levels(String column, List<String> levels) {
                this(column, levels, List.of());
            }

            /** How many columns it makes: one per level, and one for the pooled rare levels if any. */
            int width() {
                return levels.size() + (rare.isEmpty() ? 0 : 1);
            }

            /** Output level names: the levels, then the pooled level ({@link #poolName}) when rare levels were pooled. */
            public List<String> outputs() {
                if (rare.isEmpty()) {
                    return levels;
                }
                List<String> all = new ArrayList<>(levels);
                all.add(poolName(levels));
                return all;
            }
        }

        public Fitted {
            columns = List.copyOf(columns);
        }

        /** The output column names for an input with these columns, in output order. */
        List<String> outputColumns(List<String> inputColumns) {
            Set<String> encoded = encodedNames();
            List<String> names = new ArrayList<>();
            for (String name : inputColumns) {
                if (!encoded.contains(name)) {
                    names.add(name);
                }
            }
            for (Levels c : columns) {
                for (String level : c.outputs()) {
                    names.add(c.column() + "=" + level);
                }
            }
            return names;
        }

        @Override
        public Table apply(Table features, ApplyLog log) {
            requireRoom(features.rowCount());
            Set<String> encoded = encodedNames();
            List<Column<?>> out = new ArrayList<>();
            for (Column<?> column : features.columns()) {
                if (!encoded.contains(column.name())) {
                    out.add(column.copy());
                }
            }
            for (Levels c : columns) {
                out.addAll(encode(FeatureColumns.categorical(features, c.column(), name()), c, log));
            }
            return FeatureColumns.tableLike(features, out);
        }

        /** Fills one double array per level directly: no per-row boxing, no per-cell column appends. */
        private static List<DoubleColumn> encode(StringColumn column, Levels fitted, ApplyLog log) {
            List<String> levels = fitted.outputs();
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < fitted.levels().size(); j++) {
                index.put(fitted.levels().get(j), j);
            }
            for (String rare : fitted.rare()) {
                index.put(rare, levels.size() - 1);
            }
            int rows = column.size();
            double[][] indicators = new double[levels.size()][rows];
            long unseen = 0;
            long missing = 0;
            for (int i = 0; i < rows; i++) {
                String value = column.get(i);
                Integer j = index.get(value);
                if (j != null) {
                    indicators[j][i] = 1.0;
                } else if (value.isEmpty()) {
                    missing++;
                } else {
                    unseen++;
                }
            }
            log.count("unseen categories in " + column.name(), unseen);
            log.count("missing " + column.name(), missing);
            List<DoubleColumn> out = new ArrayList<>(levels.size());
            for (int j = 0; j < levels.size(); j++) {
                out.add(DoubleColumn.create(column.name() + "=" + levels.get(j), indicators[j]));
            }
            return out;
        }

        /**
         * One-hot columns are dense numbers: {@code rows} x the columns it makes, 8 bytes each. Refused before
         * allocating when that is more than {@link Memory#MAX_SHARE} of the heap: 100,000 rows with a 50,000-level
         * column kept whole (max_levels 0) asked for 32 GB and ended, after 36 s, in an OutOfMemoryError.
         */
        private void requireRoom(int rows) {
            long made = 0;
            Levels widest = null;
            for (Levels c : columns) {
                made += c.width();
                if (widest == null || c.width() > widest.width()) {
                    widest = c;
                }
            }
            long bytes = made * rows * Double.BYTES;
            if (widest != null && !Memory.fits(bytes)) {
                throw new InputException(String.format(Locale.ROOT, "features.encode: one-hot would make %,d columns x %,d rows"
                        + " (%s as numbers; '%s' alone makes %,d), more than %.0f%% of the %s this JVM may use; keep fewer levels"
                        + " (features.max_levels, default 100, or features.min_frequency), encode '%s' otherwise (features.encode_columns:"
                        + " {%s: frequency}), or give the JVM more memory (WORKBENCH_JAVA_OPTS=-Xmx...)", made, rows,
                        Memory.size(bytes), widest.column(), widest.width(), Memory.MAX_SHARE * 100,
                        Memory.size(Memory.maxHeap()), widest.column(), widest.column()));
            }
        }

        private Set<String> encodedNames() {
            Set<String> names = new HashSet<>();
            for (Levels c : columns) {
                names.add(c.column());
            }
            return names;
        }

        @Override
        public List<String> sources(String output, List<String> inputs) {
            for (Levels c : columns) {
                if (output.startsWith(c.column() + "=") && c.outputs().contains(output.substring(c.column().length() + 1))) {
                    return List.of(c.column());
                }
            }
            return FittedStep.super.sources(output, inputs);
        }

        /** E.g. "Sex: 2 levels (female, male); Embarked: 3 levels (C, Q, S)". */
        @Override
        public String summary() {
            if (columns.isEmpty()) {
                return "no categorical columns to encode";
            }
            List<String> parts = new ArrayList<>();
            for (Levels c : columns) {
                parts.add(c.column() + ": " + c.levels().size() + (c.levels().size() == 1 ? " level (" : " levels (")
                        + preview(c.levels()) + ")" + (c.rare().isEmpty() ? ""
                        : " + " + poolName(c.levels()) + " (" + c.rare().size() + " rarer levels: " + preview(c.rare()) + ")"));
            }
            return String.join("; ", parts);
        }

        private static String preview(List<String> levels) {
            int shown = Math.min(levels.size(), 5);
            String text = String.join(", ", levels.subList(0, shown));
            return levels.size() > shown ? text + ", ... " + (levels.size() - shown) + " more" : text;
        }
    }
}
