// Times Workbench's CSV read for scripts/bench-csv: the same CsvSource.load a run's definition stage
// does (dialect sniffed, cells typed, missing-value codes and number hints looked for), one warm-up
// read, then REPEATS timed reads; prints each one's wall and CPU seconds (the process's, on every
// thread: the read uses two, the collector more) and the medians. CPU time says more than wall time on a
// machine others are using too.
//
// usage: java -cp pipeline/target/workbench.jar scripts/bench/BenchCsv.java CSV [REPEATS]
//        (or compile once with javac and run the class: the bench script does that)
// The data section is the default one (delimiter and decimal mark auto, pandas' missing markers).

import java.lang.management.ManagementFactory;
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
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long first = System.nanoTime();
        long firstCpu = os.getProcessCpuTime();
        // as `workbench run` does (cli.SetUp): Tablesaw's one-time set-up (a class-path scan, about 0.6 s) on a
        // spare thread as the first stage starts, so that it overlaps the read instead of preceding the table
        Thread setUp = new Thread(() -> tech.tablesaw.api.Table.create("set-up"), "set-up");
        setUp.setDaemon(true);
        setUp.start();
        CsvSource.CsvRead warm = CsvSource.load(data);
        // a run reads once, in a fresh JVM: the first read is the closer figure for a run
        System.out.printf(Locale.ROOT, "first %.2f %.2f (wall, cpu s; rows %d, columns %d, warnings %d)%n",
                (System.nanoTime() - first) / 1e9, (os.getProcessCpuTime() - firstCpu) / 1e9,
                warm.table().rowCount(), warm.table().columnCount(), warm.warnings().size());
        double[] seconds = new double[repeats];
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            warm = null;
            System.gc();
            long start = System.nanoTime();
            long startCpu = os.getProcessCpuTime();
            CsvSource.CsvRead read = CsvSource.load(data);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpu[i] = (os.getProcessCpuTime() - startCpu) / 1e9;
            System.out.printf(Locale.ROOT, "read %d: %.2f s wall, %.2f s cpu (%d rows)%n", i + 1, seconds[i], cpu[i],
                    read.table().rowCount());
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "median %.2f %.2f%n", seconds[repeats / 2], cpu[repeats / 2]);
    }
}
