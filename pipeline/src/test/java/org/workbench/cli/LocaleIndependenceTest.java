package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run on a machine set to German writes what it writes on any other machine: {@code 0.9000}, never
 * {@code 0,9000}. Each shipped config runs twice in-process, under the root locale and under de_DE, and
 * every output is compared byte for byte once the timings and timestamps (which differ between any two
 * runs) are masked. The program itself ({@code main}, in a JVM of its own) is also run under tr_TR (upper
 * case of i is a dotted İ) and ar_EG (Arabic-Indic digits), where libraries went wrong before.
 */
class LocaleIndependenceTest {
    /** A duration as the run prints it ("0.17 s"); only with a decimal point, so "0,17 s" is not masked. */
    private static final Pattern SECONDS = Pattern.compile("\\d+\\.\\d+ s\\b");
    /** A file size ("6.5 KB"): the bundle's zip holds Tribuo's training timestamps, so it varies by a few bytes. */
    private static final Pattern SIZE = Pattern.compile("\\d+\\.\\d [KM]B\\b");
    /** The bundle's size in bytes, in report.html's deployment table. */
    private static final Pattern BUNDLE_BYTES = Pattern.compile("(bytes</b></td><td>)\\d+");
    /** A compare-mode leaderboard row's fitting time, the column after "mean +/- std". */
    private static final Pattern FIT_TIME = Pattern.compile("(\\+/- \\d+\\.\\d{4} +)\\d+\\.\\d{2}\\b");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z|\\d{8}T\\d{6}Z");
    /** A number written with a decimal comma, as German formatting would ("0,9000"). */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d,\\d{4}\\b");

    @TempDir
    Path out;
    /** Runs under the root locale, made once per config and compared with every other locale's run. */
    @TempDir
    static Path rootOut;
    private static final Map<String, Run> ROOT_RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    private record Run(Path dir, String terminal) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris", "titanic", "titanic_threshold", "wine_compare", "iris_kmeans"})
    void aGermanLocaleChangesNoByteOfTheOutputs(String config) throws IOException {
        Run root = rootRun(config);
        Run other = runUnder(Locale.GERMANY, config, out.resolve("german"));
        assertSameOutputs(root, other);
        if (config.equals("wine_compare")) {
            // two repeats of 5 folds, worded as the evaluation stage words them
            assertTrue(root.terminal().contains(", 2x5-fold CV "), root.terminal());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tr-TR", "ar-EG"})
    void theProgramWritesTheSameBytesUnderTurkishAndArabic(String languageTag) throws Exception {
        Run root = rootRun("titanic");
        Run other = runProgram(Locale.forLanguageTag(languageTag), "titanic", out.resolve(languageTag));
        assertSameOutputs(root, other);
    }

    private static Run rootRun(String config) throws IOException {
        Run run = ROOT_RUNS.get(config);
        if (run == null) {
            run = runUnder(Locale.ROOT, config, rootOut.resolve(config));
            ROOT_RUNS.put(config, run);
        }
        return run;
    }

    private static void assertSameOutputs(Run root, Run other) throws IOException {
        for (String file : new String[] {"metrics.json", "predictions.csv"}) {
            assertArrayEquals(Files.readAllBytes(root.dir().resolve(file)), Files.readAllBytes(other.dir().resolve(file)), file);
        }
        assertEquals(masked(Files.readString(root.dir().resolve("report.md"))),
                masked(Files.readString(other.dir().resolve("report.md"))), "report.md");
        assertEquals(masked(root.terminal()), masked(other.terminal()), "terminal output");
        assertFalse(DECIMAL_COMMA.matcher(other.terminal()).find(), other.terminal());
        assertEquals(masked(Files.readString(root.dir().resolve("report.html"))),
                masked(Files.readString(other.dir().resolve("report.html"))), "report.html");
        assertEquals(withoutTimes(root.dir().resolve("run.json")), withoutTimes(other.dir().resolve("run.json")), "run.json");
    }

    private static Run runUnder(Locale locale, String config, Path outRoot) throws IOException {
        Map<Locale.Category, Locale> before = Map.of(Locale.Category.FORMAT, Locale.getDefault(Locale.Category.FORMAT),
                Locale.Category.DISPLAY, Locale.getDefault(Locale.Category.DISPLAY));
        Locale original = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            Cli cli = Cli.run("run", "../configs/" + config + ".yaml", "--out", outRoot.toString());
            assertEquals(0, cli.exitCode(), cli.err());
            try (Stream<Path> runs = Files.list(outRoot.resolve(runName(config)))) {
                return new Run(runs.findFirst().orElseThrow(), cli.out().replace(outRoot.toString(), "OUT"));
            }
        } finally {
            Locale.setDefault(original);
            before.forEach(Locale::setDefault);
        }
    }

    /** Runs {@code workbench run} as its own process, as the launcher does, with the machine set to {@code locale}. */
    private static Run runProgram(Locale locale, String config, Path outRoot) throws Exception {
        Path stderr = Files.createTempFile("workbench", ".err");
        // C1 alone and the serial collector: a short run's JVM starts faster, and neither changes a byte of output
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=" + locale.getLanguage(), "-Duser.country=" + locale.getCountry(), "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), WorkbenchCli.class.getName(),
                "run", "../configs/" + config + ".yaml", "--out", outRoot.toString())
                .redirectError(stderr.toFile()).start();
        String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), Files.readString(stderr));
        Files.delete(stderr);
        try (Stream<Path> runs = Files.list(outRoot.resolve(runName(config)))) {
            return new Run(runs.findFirst().orElseThrow(), terminal.replace(outRoot.toString(), "OUT"));
        }
    }

    /** The report folder's name: the config's {@code name:}, else the file name. */
    private static String runName(String config) throws IOException {
        JsonNode tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("../configs/" + config + ".yaml").toFile());
        return tree.hasNonNull("name") ? tree.get("name").asText() : config;
    }

    private static String masked(String text) {
        String masked = SECONDS.matcher(text).replaceAll("# s");
        masked = SIZE.matcher(masked).replaceAll("# KB");
        masked = BUNDLE_BYTES.matcher(masked).replaceAll("$1#");
        masked = FIT_TIME.matcher(masked).replaceAll("$1#");
        return TIMESTAMP.matcher(masked).replaceAll("TIME");
    }

    /**
     * run.json without the fields that time the run (started, finished, each stage's millis, fit times) and the
     * bundle's size in bytes; timings inside its texts are masked as in the other files.
     */
    private static String withoutTimes(Path runJson) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(runJson.toFile());
        dropTimes(tree);
        return masked(tree.toPrettyString());
    }

    private static void dropTimes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String lower = name.toLowerCase(Locale.ROOT);
                if (name.equals("started") || name.equals("finished") || name.equals("bytes") || lower.contains("millis")
                        || lower.contains("seconds")) {
                    names.remove();
                }
            }
        }
        node.forEach(LocaleIndependenceTest::dropTimes);
    }
}
