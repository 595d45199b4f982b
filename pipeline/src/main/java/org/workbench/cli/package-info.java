/**
 * The picocli commands and the one place exceptions become exit codes. May import every
 * package.
 */
package org.workbench.cli;
