package org.workbench.definition;

import java.util.Locale;
import java.util.Map;
import org.workbench.config.PipelineConfig;
import tech.tablesaw.api.Table;

/**
 * The checks the definition stage ends with but cannot make itself, because they concern the
 * settings of every later stage: supplied by the layer that assembles the stages ({@code run.Preflight}).
 */
public interface PrefitCheck {
    /** Settings of other stages that depend on the problem's kind, checked before the table is read. */
    void checkSettings(PipelineConfig config);

    /** Everything knowable without fitting, on the whole table; throws at the first problem. */
    Findings check(PipelineConfig config, Table table, Problem problem);

    /** The rows each split will get; class counts per split for classification (null otherwise). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"supervised"})
    public record Findings(boolean supervised, int rows, int trainRows, int testRows, Map<String, Integer> trainClasses,
                           Map<String, Integer> testClasses) {

        /** One line for the terminal and the report. */
        public String describe() {
            return String.format(Locale.ROOT, "pre-fit check passed: %d rows%s -> %d train / %d test rows%s", rows,
                    supervised ? " with a target" : "", trainRows, testRows,
                    trainClasses == null ? "" : "; training classes " + trainClasses);
        }
    }
}
