// Times Workbench's CSV read for scripts/bench-csv: the same CsvSource.load a run's definition stage
// does (dialect sniffed, cells typed, missing-value codes and number hints looked for), one warm-up
// read, then REPEATS timed reads; prints each time and the median in seconds.
//
// usage: java -cp pipeline/target/workbench.jar scripts/bench/BenchCsv.java CSV [REPEATS]
//        (or compile once with javac and run the class: the bench script does that)
// The data section is the default one (delimiter and decimal mark auto, pandas' missing markers).

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.workbench.table.CsvSource;
import org.workbench.table.DataConfig;

public class BenchCsv {
    public static void main(String[] args) {
        Path csv = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        DataConfig data = new DataConfig(csv, DataConfig.AUTO, '"', true, DataConfig.DEFAULT_MISSING, Map.of(),
                new DataConfig.Split(0.2, true), DataConfig.AUTO, DataConfig.NONE, StandardCharsets.UTF_8);
        long first = System.nanoTime();
        CsvSource.CsvRead warm = CsvSource.load(data);
        // a run reads once, in a fresh JVM: the warm-up read is the closer figure for a run
        System.out.printf(Locale.ROOT, "first %.2f s (rows %d, columns %d, warnings %d)%n", (System.nanoTime() - first) / 1e9,
                warm.table().rowCount(), warm.table().columnCount(), warm.warnings().size());
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            warm = null;
            System.gc();
            long start = System.nanoTime();
            CsvSource.CsvRead read = CsvSource.load(data);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "read %d: %.2f s (%d rows)%n", i + 1, seconds[i], read.table().rowCount());
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "median %.2f%n", seconds[repeats / 2]);
    }
}
