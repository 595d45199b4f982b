package org.workbench.cli;

import org.workbench.core.Background;
import org.workbench.report.HtmlReport;
import tech.tablesaw.api.Table;

/**
 * One-time library set-up that a command will need but that does not depend on its input, started
 * on a spare thread as the command starts, so it overlaps parsing the config and reading the CSV.
 * Tablesaw scans the class path for its readers and writers the first time a table is created
 * (about 0.3 s in the shaded jar), and the first chart pays for fonts and Java 2D (about 0.4 s).
 * If the main thread gets there first it simply waits for the class to finish initialising.
 */
final class SetUp {
    private SetUp() {
    }

    /** For commands that read data: Tablesaw's set-up. */
    static void tables() {
        Background.start("set-up", SetUp::createTable);
    }

    /** For commands that read data and end with an HTML report: Tablesaw's set-up, then the charts'. */
    static void tablesAndCharts() {
        Background.start("set-up", () -> {
            createTable();
            HtmlReport.warmUp();
        });
    }

    private static void createTable() {
        Table.create("set-up");
    }
}
