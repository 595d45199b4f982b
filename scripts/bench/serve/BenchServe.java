import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for workbench serve, on loopback only: single-row requests (req/s, p50, p99), batches
 * of 1,000 rows (rows/s), and a soak of single rows with a 1,000-row batch every 100 requests (errors, the
 * server's heap after a full GC before and after). Every loop is bounded by its duration. It also reports
 * the server's CPU time per request (from /proc), which stays meaningful when other work shares the cores.
 * Usage: java -cp workbench.jar BenchServe.java URL ROWS.csv SERVER_PID [single-seconds] [batch-seconds] [soak-seconds] [clients] [warm-up-seconds]
 * ROWS.csv: comma-separated with a header (quotes allowed); the columns the model requires (from /metadata)
 * are sent as dataframe_split.
 */
public class BenchServe {
    /** Server CPU seconds (user + system) of the process, from /proc: what the server cost, whatever else ran beside it. */
    static double cpuSeconds(String pid) throws IOException, InterruptedException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticks;
    }

    static long ticks = 100;

    record Phase(String name, long requests, long rows, long errors, double seconds, long[] nanos, double serverCpu) {
        double quantileMs(double q) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0] + "/invocations");
        if (!isLoopback(url.getHost())) {
            throw new IllegalArgumentException("loopback only, not " + url.getHost());
        }
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        String pid = args[2];
        int singleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int batchSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int soakSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        int clients = args.length > 6 ? Integer.parseInt(args[6]) : 8;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 20;

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        var metadata = new com.fasterxml.jackson.databind.ObjectMapper().readTree(client.send(
                HttpRequest.newBuilder(URI.create(args[0] + "/metadata")).build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> header = split(lines.get(0));
        List<Integer> keep = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (var column : metadata.path("input_columns")) {
            if (column.path("required").asBoolean()) {
                keep.add(header.indexOf(column.path("name").asText()));
                names.add(column.path("name").asText());
            }
        }
        String columns = quotedList(names.toArray(String[]::new));
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            rows.add(row(keep.stream().map(cells::get).toArray(String[]::new)));
        }
        String[] single = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            single[i] = "{\"dataframe_split\":{\"columns\":" + columns + ",\"data\":[" + rows.get(i) + "]}}";
        }
        StringBuilder batch = new StringBuilder("{\"dataframe_split\":{\"columns\":" + columns + ",\"data\":[");
        for (int i = 0; i < 1000; i++) {
            batch.append(i == 0 ? "" : ",").append(rows.get(i % rows.size()));
        }
        String thousand = batch.append("]}}").toString();

        System.out.printf(Locale.ROOT, "server %s, %d clients, %d distinct rows, %d cores%n", args[0], clients, rows.size(),
                Runtime.getRuntime().availableProcessors());

        ticks = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).strip());
        // long enough for the JIT to compile the request path (its compiler threads would count as server CPU)
        run(client, url, "warm-up", single, null, 0, warmup, clients, pid);
        run(client, url, "warm-up", new String[] {thousand}, null, 0, Math.max(1, warmup / 4), 2, pid);
        Phase s = run(client, url, "single-row", single, null, 0, singleSeconds, clients, pid);
        print(s);
        Phase b = run(client, url, "1000-row batch", new String[] {thousand}, null, 0, batchSeconds, Math.max(2, clients / 4), pid);
        print(b);
        long before = heapAfterGc(pid);
        Phase soak = run(client, url, "soak", single, thousand, 100, soakSeconds, clients, pid);
        long after = heapAfterGc(pid);
        print(soak);
        System.out.printf(Locale.ROOT, "server CPU per request: single row %.0f us, 1000-row batch %.0f us (%.2f us per row)%n",
                s.serverCpu() / s.requests() * 1e6, b.serverCpu() / b.requests() * 1e6, b.serverCpu() / Math.max(1, b.rows()) * 1e6);
        System.out.printf(Locale.ROOT, "load average while measuring: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.ROOT, "soak: %d errors; server heap after full GC: %.1f MB before, %.1f MB after (%+.1f MB)%n",
                soak.errors(), before / 1e6, after / 1e6, (after - before) / 1e6);
        System.exit(soak.errors() + s.errors() + b.errors() == 0 ? 0 : 1); // the client's selector threads are not daemons
    }

    /** Sends bodies round-robin from {@code clients} threads for {@code seconds}; every {@code every}-th request of a client sends {@code extra}. */
    static Phase run(HttpClient client, URI url, String name, String[] bodies, String extra, int every, int seconds, int clients,
                     String pid) throws Exception {
        double cpu0 = cpuSeconds(pid);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong rowCount = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c * 97;
            results.add(pool.submit(() -> {
                long[] nanos = new long[1 << 16];
                int n = 0;
                for (int i = 0; System.nanoTime() < end; i++) {
                    boolean big = extra != null && every > 0 && i % every == every - 1;
                    String body = big ? extra : bodies[(offset + i) % bodies.length];
                    HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            rowCount.addAndGet(big || bodies.length == 1 ? 1000 : 1);
                        }
                        if (!big) {
                            if (n == nanos.length) {
                                nanos = Arrays.copyOf(nanos, n * 2);
                            }
                            nanos[n++] = t;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(nanos, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : results) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Phase(name, all.length, rowCount.get(), errors.get(), elapsed, all, cpuSeconds(pid) - cpu0);
    }

    static void print(Phase p) {
        System.out.printf(Locale.ROOT, "%-15s %8d requests in %5.1f s: %9.0f req/s, %10.0f rows/s, p50 %6.2f ms, p99 %6.2f ms, %d errors%n",
                p.name(), p.requests(), p.seconds(), p.requests() / p.seconds(), p.rows() / p.seconds(), p.quantileMs(0.50),
                p.quantileMs(0.99), p.errors());
    }

    /** The server's heap in use after a full collection (jcmd GC.run, then GC.heap_info's "used"). */
    static long heapAfterGc(String pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        for (String line : info.split("\n")) {
            int at = line.indexOf(" used ");
            if (at >= 0 && (line.contains("total") && (line.contains("heap") || line.contains("generation")))) {
                String n = line.substring(at + 6).trim().split("K")[0];
                used += Long.parseLong(n) * 1024;
            }
        }
        return used;
    }

    static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** One CSV line's cells; a quoted cell may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static String quotedList(String[] names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(names[i].replace("\"", "")).append('"');
        }
        return sb.append(']').toString();
    }

    /** A CSV row as a JSON list: numbers stay numbers, empty cells are null, the rest is text. */
    static String row(String[] cells) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            sb.append(i == 0 ? "" : ",");
            if (c.isEmpty()) {
                sb.append("null");
            } else if (c.matches("-?\\d+(\\.\\d+)?")) {
                sb.append(c);
            } else {
                sb.append('"').append(c.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append(']').toString();
    }
}
