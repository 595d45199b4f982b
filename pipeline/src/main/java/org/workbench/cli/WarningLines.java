package org.workbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.workbench.table.DataWarning;

/**
 * The data warnings as the terminal shows them after the collection stage: possible leakage first
 * (it can make every score meaningless), then the others in the order the profile holds them, at most
 * {@link #MAX} lines, then how many more the report lists.
 */
final class WarningLines {
    static final int MAX = 12;
    static final String INDENT = "        ";

    private WarningLines() {
    }

    /** At most {@link #MAX} lines, then how many more report.html lists (a run writes one). */
    static List<String> of(List<DataWarning> warnings) {
        return of(warnings, MAX);
    }

    /** Every warning: {@code validate} writes no report to send the rest to. */
    static List<String> all(List<DataWarning> warnings) {
        return of(warnings, Integer.MAX_VALUE);
    }

    private static List<String> of(List<DataWarning> warnings, int max) {
        List<DataWarning> ordered = new ArrayList<>();
        warnings.stream().filter(w -> w.kind().equals("possible_leakage")).forEach(ordered::add);
        warnings.stream().filter(w -> !w.kind().equals("possible_leakage")).forEach(ordered::add);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(max, ordered.size()); i++) {
            lines.add(INDENT + "warning: " + ordered.get(i).message());
        }
        if (ordered.size() > max) {
            lines.add(INDENT + (ordered.size() - max) + " more warnings in report.html");
        }
        return lines;
    }

    /** The warnings a stage recorded (the collection stage's profile warnings), else none. */
    static List<DataWarning> recorded(org.workbench.stage.StageResult result) {
        return result.data(org.workbench.collection.CollectionRecord.class).map(org.workbench.collection.CollectionRecord::warnings)
                .orElse(List.of());
    }
}
