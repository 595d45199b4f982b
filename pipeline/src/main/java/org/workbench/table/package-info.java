/**
 * Reading a CSV into a Tablesaw table: the data section, delimiter and decimal-mark sniffing,
 * encodings, column types, missing markers and missing-value codes, with exact line numbers in
 * errors. May import core, config, stats and data.
 */
package org.workbench.table;
