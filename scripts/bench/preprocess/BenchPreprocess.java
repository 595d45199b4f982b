import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.workbench.data.Frame;
import org.workbench.data.Target;
import org.workbench.features.OneHotEncoder;
import org.workbench.preprocessing.Imputer;
import org.workbench.preprocessing.Scaler;
import org.workbench.recipe.Recipe;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Source;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Preprocessing speed against reading: generates a CSV of ROWS rows x 22 columns (20 numeric,
 * 2 categorical, 2% blank cells), times Tablesaw reading it, then times the workbench recipe
 * (median / most-frequent imputation, standard scaling, one-hot encoding) fitted on all rows and
 * applied to them. Prints both times (best of RUNS) and their ratio.
 *
 * Usage: java -cp workbench.jar BenchPreprocess.java CSV ROWS RUNS
 */
public class BenchPreprocess {
    static final int NUMERIC = 20;
    static final String[] COLORS = {"red", "green", "blue", "yellow", "black", "white"};
    static final String[] SIZES = {"S", "M", "L", "XL"};

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        if (!Files.exists(csv)) {
            generate(csv, rows);
        }
        System.out.printf(Locale.ROOT, "data: %s (%.1f MB, %d rows x %d columns, 2%% blank)%n", csv,
                Files.size(csv) / 1e6, rows, NUMERIC + 2);

        double bestRead = Double.MAX_VALUE;
        Table table = null;
        for (int r = 0; r < runs; r++) {
            table = null;
            System.gc();
            long t0 = System.nanoTime();
            table = Table.read().csv(CsvReadOptions.builder(new Source(csv.toFile(), StandardCharsets.UTF_8)).build());
            bestRead = Math.min(bestRead, (System.nanoTime() - t0) / 1e9);
        }
        long doubles = table.columns().stream().filter(c -> c instanceof tech.tablesaw.api.DoubleColumn).count();
        long texts = table.columns().stream().filter(c -> c instanceof tech.tablesaw.api.StringColumn).count();
        System.out.printf(Locale.ROOT, "tablesaw read:  best %.3f s of %d runs (%d rows; %d double and %d string columns)%n",
                bestRead, runs, table.rowCount(), doubles, texts);

        String[] labels = new String[table.rowCount()];
        Arrays.fill(labels, "y");
        Frame train = new Frame(table, Target.labels("target", labels));
        Recipe recipe = new Recipe(List.of(new Imputer("median", "most_frequent", 0, "missing"), new Scaler("standard"),
                new OneHotEncoder()));
        double bestPrep = Double.MAX_VALUE;
        Table out = null;
        for (int r = 0; r < runs; r++) {
            out = null;
            System.gc();
            long t0 = System.nanoTime();
            out = recipe.fit(train).train().features();
            bestPrep = Math.min(bestPrep, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "preprocessing:  best %.3f s of %d runs (fit + transform, %d -> %d columns)%n",
                bestPrep, runs, table.columnCount(), out.columnCount());
        System.out.printf(Locale.ROOT, "ratio preprocessing / read: %.2f (target <= 1.5)%n", bestPrep / bestRead);
        if (out.rowCount() != table.rowCount()) {
            throw new IllegalStateException("row count changed");
        }
    }

    static void generate(Path csv, int rows) throws IOException {
        Random random = new Random(42);
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            for (int c = 0; c < NUMERIC; c++) {
                header.add("x" + c);
            }
            header.add("color");
            header.add("size");
            w.write(String.join(",", header));
            w.newLine();
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < NUMERIC; c++) {
                    if (random.nextDouble() >= 0.02) {
                        line.append(String.format(Locale.ROOT, "%.3f", random.nextGaussian() * (c + 1) * 10 + c));
                    }
                    line.append(',');
                }
                if (random.nextDouble() >= 0.02) {
                    line.append(COLORS[random.nextInt(COLORS.length)]);
                }
                line.append(',');
                if (random.nextDouble() >= 0.02) {
                    line.append(SIZES[random.nextInt(SIZES.length)]);
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }
}
