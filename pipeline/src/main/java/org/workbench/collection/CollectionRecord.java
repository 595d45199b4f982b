package org.workbench.collection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.workbench.stage.StageRecord;
import org.workbench.table.CsvDialect;
import org.workbench.table.DataConfig;
import org.workbench.table.DataWarning;

/**
 * What the collection stage records in {@code run.json}: the file (relative to the config), its hash and
 * the dialect it was read with, the read's notes, the table's size, the rows dropped for a missing
 * target, the split sizes, the data profile and the data warnings (the profile's, repeated at the top
 * so a reader finds them without the profile).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = true)
public record CollectionRecord(String file, String sha256, Dialect dialect, List<String> readNotes, int rows, int columns,
                               int rowsWithoutTarget, int trainRows, int testRows, DataProfile profile,
                               List<DataWarning> warnings) implements StageRecord {

    /** The CSV dialect the file was read with, and whether delimiter and decimal mark were sniffed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder(alphabetic = true)
    public record Dialect(String delimiter, String decimal, String thousands, String encoding, boolean delimiterSniffed,
                          boolean decimalSniffed) {
        static Dialect of(CsvDialect d) {
            return new Dialect(String.valueOf(d.delimiter()), String.valueOf(d.decimal()),
                    d.thousands() == DataConfig.NONE ? "none" : String.valueOf(d.thousands()), d.encoding().name(),
                    d.delimiterSniffed(), d.decimalSniffed());
        }
    }
}
