package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workbench.collection.CollectionRecord;
import org.workbench.stage.StageResult;
import org.workbench.table.DataWarning;

class WarningLinesTest {

    private static DataWarning warning(String kind, String message) {
        return new DataWarning(kind, null, 0, message);
    }

    @Test
    void leakageComesFirstAndTheOthersKeepTheirOrder() {
        List<DataWarning> warnings = List.of(warning("identifier", "id"), warning("dirty_numbers", "csv"),
                warning("possible_leakage", "leak"), warning("constant", "const"));
        assertEquals(List.of("        warning: leak", "        warning: id", "        warning: csv", "        warning: const"),
                WarningLines.of(warnings));
    }

    @Test
    void atMostTwelveLinesThenHowManyMoreTheReportHolds() {
        List<DataWarning> warnings = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            warnings.add(warning("constant", "w" + i));
        }
        List<String> lines = WarningLines.of(warnings);
        assertEquals(13, lines.size());
        assertEquals("        warning: w12", lines.get(11));
        assertEquals("        3 more warnings in report.html", lines.get(12));
        assertEquals(12, WarningLines.of(warnings.subList(0, 12)).size(), "exactly twelve: no 'more' line");
        List<String> all = WarningLines.all(warnings);
        assertEquals(15, all.size(), "validate writes no report: it lists every warning");
        assertEquals("        warning: w15", all.get(14));
    }

    @Test
    void onlyDataWarningsRecordedByAStageAreRead() {
        var training = new org.workbench.training.TrainingRecord("tree", null, 3, 1);
        assertEquals(List.of(), WarningLines.recorded(StageResult.of("training", "trained", List.of(), training)));
        DataWarning w = warning("constant", "c");
        var collection = new CollectionRecord("d.csv", "0", null, List.of(), 3, 1, 0, 2, 1, null, List.of(w));
        assertEquals(List.of(w), WarningLines.recorded(StageResult.of("collection", "read", List.of(), collection)));
    }
}
