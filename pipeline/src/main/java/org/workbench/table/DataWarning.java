package org.workbench.table;

/**
 * One data-quality warning: its kind (the read's non_numeric_cells, infinite_values, missing_code,
 * formatted_numbers; the linter's possible_leakage, identifier, mostly_missing, constant,
 * shared_duplicates, numbers_as_text; the class warnings, look_alike_classes among them), the column it concerns (null for whole rows), the number behind it and a
 * sentence for the report.
 */
public record DataWarning(String kind, String column, double value, String message) {
}
