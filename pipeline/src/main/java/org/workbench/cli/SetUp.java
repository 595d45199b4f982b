package org.workbench.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.workbench.core.Background;
import org.workbench.data.Target;
import org.workbench.data.Task;
import org.workbench.report.HtmlReport;
import org.workbench.models.ModelCatalog;
import org.workbench.training.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One-time library set-up that a command will need but that does not depend on its input, started
 * on a spare thread as the command starts, so it overlaps parsing the config and reading the CSV.
 * Tablesaw scans the class path for its readers and writers the first time a table is created
 * (about 0.3 s in the shaded jar), the first Tribuo model written to protobuf builds the protobuf
 * descriptors and provenance machinery (about 0.15 s), and the first chart pays for fonts and Java 2D
 * (about 0.4 s).
 * If the main thread gets there first it simply waits for the class to finish initialising.
 */
final class SetUp {
    private SetUp() {
    }

    /** For commands that read data: Tablesaw's set-up. */
    static void tables() {
        Background.start("set-up", SetUp::createTable);
    }

    /** For commands that train, write a bundle and end with an HTML report: Tablesaw, protobuf, then the charts. */
    static void tablesModelsAndCharts() {
        Background.start("set-up", () -> {
            createTable();
            writeTinyModel();
            HtmlReport.warmUp();
        });
    }

    private static void createTable() {
        Table.create("set-up");
    }

    /** Trains a majority-class model on two rows and serializes it. */
    private static void writeTinyModel() {
        TrainedModel.train(ModelCatalog.spec("baseline", Task.CLASSIFICATION), JsonNodeFactory.instance.objectNode(), 1L,
                Table.create("set-up", DoubleColumn.create("x", 1, 2)), Target.labels("y", new String[] {"a", "b"})).toBytes();
    }
}
