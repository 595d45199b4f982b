package org.workbench.deployment;

import org.workbench.table.DataConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.workbench.table.CsvSource;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.Table;

/**
 * Scores raw CSV rows with a bundle: reads them the way the training data was read (same header or
 * none, delimiter, quote, decimal mark, thousands separator, encoding, missing markers and column
 * types), replays the fitted recipe, predicts and applies the bundle's decision threshold, if it has one.
 */
public final class BatchScorer {
    private BatchScorer() {
    }

    /** Predictions plus notes for the user (ignored columns, unseen categories), and the raw rows as read. */
    public record Result(int[] rowNumbers, Predictions predictions, List<String> notes, Table rows) {
    }

    public static Result score(Bundle bundle, Path input) {
        Manifest m = bundle.manifest();
        List<String> header = CsvSource.header(dataOptions(m, input, Map.of()));
        Map<String, String> types = inputTypes(m, input, header);
        CsvSource.CsvRead read = CsvSource.loadForModel(dataOptions(m, input, types), new java.util.LinkedHashSet<>(types.keySet()));
        Table table = read.table();

        List<String> notes = new ArrayList<>();
        bundle.integrityWarning().ifPresent(w -> notes.add("warning: " + w));
        read.warnings().forEach(w -> notes.add("warning: " + forScoring(w.message(), m)));
        List<String> extra = header.stream().filter(c -> !types.containsKey(c) && !c.equals(m.target())).toList();
        if (!extra.isEmpty()) {
            notes.add("ignored column" + (extra.size() == 1 ? " " : "s ") + extra + " (not used by the model)");
        }
        if (m.target() != null && header.contains(m.target())) {
            notes.add("ignored the target column '" + m.target() + "'");
        }
        ApplyLog log = new ApplyLog();
        Predictions predictions = bundle.predict(table, log);
        if (!log.isEmpty()) {
            notes.add("handled by the fitted steps: " + log);
        }
        notes.add(0, "scored " + table.rowCount() + " rows" + decision(m));
        int[] rows = IntStream.rangeClosed(1, table.rowCount()).toArray();
        return new Result(rows, predictions, notes, table);
    }

    /**
     * The training types of the model's input columns that {@code header} holds, refusing a file
     * without one the model needs: how {@code predict}, {@code drift} and {@code serve} read new rows.
     */
    /** A hint when missing names are in the header in another case ("City" for "city"): names must match exactly. */
    private static String otherCase(List<String> missing, List<String> header) {
        List<String> found = new java.util.ArrayList<>();
        for (String name : missing) {
            header.stream().filter(h -> h.equalsIgnoreCase(name)).findFirst().ifPresent(h -> found.add(h + " for " + name));
        }
        return found.isEmpty() ? "" : " (names differ only in case: " + String.join(", ", found)
                + "; rename them in the file's header, names must match exactly)";
    }

    public static Map<String, String> inputTypes(Manifest m, Path input, List<String> header) {
        List<String> missing = m.requiredColumns().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(input + ": missing column" + (missing.size() == 1 ? " " : "s ") + missing
                    + " needed by the model; the file has " + header + otherCase(missing, header) + otherDelimiter(m, header));
        }
        Map<String, String> types = new LinkedHashMap<>();
        m.inputColumns().stream().filter(c -> header.contains(c.name())).forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    /**
     * A hint when the header reads as one column holding another delimiter: new rows are read with the
     * training file's dialect, so a file saved with ';' (say) must be converted, not guessed at.
     */
    private static String otherDelimiter(Manifest m, List<String> header) {
        if (header.size() != 1) {
            return "";
        }
        for (String d : List.of(",", ";", "\t", "|")) {
            if (!d.equals(m.delimiter()) && header.get(0).contains(d)) {
                return "; its columns seem separated by '" + (d.equals("\t") ? "\\t" : d) + "', but the model reads new rows as its"
                        + " training file was read (delimiter '" + (m.delimiter().equals("\t") ? "\\t" : m.delimiter())
                        + "'): save the file with that delimiter";
            }
        }
        return "";
    }

    /** How a two-class bundle turns probabilities into labels: its stored threshold, or the most probable class. */
    private static String decision(Manifest m) {
        if (m.threshold() != null) {
            return "; labels by the " + m.threshold().describe(m.target());
        }
        return "classification".equals(m.task()) && m.classes() != null && m.classes().size() == 2
                ? "; labels by the most probable class (the bundle holds no decision threshold)" : "";
    }

    /**
     * A read warning as a command that scores with a bundle should say it: the read's own advice names
     * {@code data.*} keys, which these commands do not read (the bundle fixes how a file is read), so it is
     * replaced by how the bundle reads files.
     */
    public static String forScoring(String message, Manifest m) {
        int keys = message.indexOf("data.");
        if (keys < 0) {
            return message;
        }
        int cut = message.lastIndexOf("; ", keys);
        String fact = cut < 0 ? message : message.substring(0, cut);
        String missing = m.missingValues() == null || m.missingValues().equals(org.workbench.table.DataConfig.DEFAULT_MISSING)
                ? "the default missing markers" : "missing values " + m.missingValues();
        return fact + "; the model reads files as its training file was read (delimiter '" + m.delimiter() + "', decimal mark '"
                + m.decimal() + "', " + missing + "): if these cells are values, write them that way";
    }

    private static DataConfig dataOptions(Manifest m, Path input, Map<String, String> types) {
        return m.dataConfig(input, types);
    }
}
