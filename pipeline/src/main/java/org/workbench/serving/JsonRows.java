package org.workbench.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of an MLflow scoring request in JSON: {@code dataframe_split} ({@code columns} and
 * {@code data}, pandas' split orient), {@code dataframe_records} or {@code instances} (a list of
 * {@code {"column": value}} objects), plus optional {@code params}. Cells stay JSON values here;
 * {@link InputSchema} types them. Row numbers in messages are 1-based positions in the request.
 */
final class JsonRows {
    static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"Age": 1, "Age": 2} is a mistake, not a choice
            .build();
    static final List<String> FORMS = List.of("dataframe_split", "dataframe_records", "instances");
    static final List<String> PARAMS = List.of("probabilities");

    /** column name → position in a split row; null for records. */
    private final Map<String, Integer> splitColumns;
    private final List<JsonNode> rows;
    private final boolean probabilities;

    private JsonRows(Map<String, Integer> splitColumns, List<JsonNode> rows, boolean probabilities) {
        this.splitColumns = splitColumns;
        this.rows = rows;
        this.probabilities = probabilities;
    }

    static JsonRows parse(byte[] body) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            String problem = String.valueOf(e.getOriginalMessage());
            int source = problem.indexOf(" (start marker at");
            problem = ModelServer.oneLine(source < 0 ? problem : problem.substring(0, source));
            throw BadRequest.malformed("malformed JSON: " + problem + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw BadRequest.malformed("unreadable JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw BadRequest.malformed("the request body is empty; send rows as " + forms());
        }
        if (!root.isObject()) {
            throw BadRequest.malformed("the body must be a JSON object with one of " + forms() + ", not a " + kind(root));
        }
        List<String> forms = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (FORMS.contains(name)) {
                forms.add(name);
            } else if (!name.equals("params")) {
                throw BadRequest.malformed("unknown field '" + name + "'; expected one of " + forms() + " and optional params");
            }
        }
        if (forms.size() != 1) {
            throw BadRequest.malformed(forms.isEmpty() ? "no rows: send one of " + forms()
                    : "send one form of rows, not " + forms.size() + " (" + String.join(", ", forms) + ")");
        }
        boolean probabilities = probabilities(root.get("params"));
        String form = forms.get(0);
        JsonNode value = root.get(form);
        return form.equals("dataframe_split") ? split(value, probabilities) : records(form, value, probabilities);
    }

    private static boolean probabilities(JsonNode params) {
        if (params == null || params.isNull()) {
            return false;
        }
        if (!params.isObject()) {
            throw BadRequest.invalid("params must be an object such as {\"probabilities\": true}, not a " + kind(params));
        }
        for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARAMS.contains(name)) {
                throw BadRequest.invalid("unknown parameter '" + name + "'; known: " + PARAMS);
            }
        }
        JsonNode p = params.get("probabilities");
        if (p == null || p.isNull()) {
            return false;
        }
        if (!p.isBoolean()) {
            throw BadRequest.invalid("params.probabilities must be true or false, not " + p);
        }
        return p.booleanValue();
    }

    private static JsonRows split(JsonNode split, boolean probabilities) {
        if (!split.isObject()) {
            throw BadRequest.malformed("dataframe_split must be an object with columns and data, not a " + kind(split));
        }
        JsonNode columns = split.get("columns");
        JsonNode data = split.get("data");
        if (columns == null || !columns.isArray()) {
            throw BadRequest.malformed("dataframe_split needs \"columns\": a list of column names");
        }
        if (data == null || !data.isArray()) {
            throw BadRequest.malformed("dataframe_split needs \"data\": a list of rows, each a list of values");
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode name = columns.get(i);
            if (!name.isTextual()) {
                throw BadRequest.malformed("dataframe_split.columns[" + i + "] must be a column name, not " + name);
            }
            if (positions.putIfAbsent(name.textValue(), i) != null) {
                throw BadRequest.invalid("column '" + name.textValue() + "' appears twice in dataframe_split.columns");
            }
        }
        List<JsonNode> rows = new ArrayList<>(data.size());
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            if (!row.isArray()) {
                throw BadRequest.malformed("row " + (r + 1) + ": dataframe_split.data holds lists of values, not a " + kind(row));
            }
            if (row.size() != columns.size()) {
                throw BadRequest.invalid("row " + (r + 1) + " has " + row.size() + " values, expected " + columns.size()
                        + " (one per column in dataframe_split.columns)");
            }
            rows.add(row);
        }
        return new JsonRows(positions, rows, probabilities);
    }

    private static JsonRows records(String form, JsonNode records, boolean probabilities) {
        if (!records.isArray()) {
            throw BadRequest.malformed(form + " must be a list of {\"column\": value} objects, not a " + kind(records));
        }
        List<JsonNode> rows = new ArrayList<>(records.size());
        for (int r = 0; r < records.size(); r++) {
            JsonNode row = records.get(r);
            if (!row.isObject()) {
                throw BadRequest.malformed("row " + (r + 1) + ": " + form + " holds {\"column\": value} objects, not a " + kind(row)
                        + (row.isArray() ? "; for lists of values use dataframe_split with its columns" : ""));
            }
            rows.add(row);
        }
        return new JsonRows(null, rows, probabilities);
    }

    int size() {
        return rows.size();
    }

    boolean probabilities() {
        return probabilities;
    }

    /** Whether the request names this column at all (a split's columns; any record's keys). */
    boolean hasColumn(String column) {
        if (splitColumns != null) {
            return splitColumns.containsKey(column);
        }
        for (JsonNode row : rows) {
            if (row.has(column)) {
                return true;
            }
        }
        return false;
    }

    /** The names the request uses, for a did-you-mean. */
    List<String> columnNames() {
        if (splitColumns != null) {
            return List.copyOf(splitColumns.keySet());
        }
        return rows.isEmpty() ? List.of() : iterable(rows.get(0).fieldNames());
    }

    /** A cell; null when the row does not have the column (records only: a split row has every column). */
    JsonNode cell(int row, String column) {
        JsonNode r = rows.get(row);
        return splitColumns != null ? r.get(splitColumns.get(column)) : r.get(column);
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String forms() {
        return String.join(", ", FORMS);
    }
}
