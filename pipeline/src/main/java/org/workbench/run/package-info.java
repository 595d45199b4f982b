/**
 * Assembles a run: the stage list, the config loader that knows every section, the pre-fit
 * check of every stage's settings, the run folder and its outputs. May import every package
 * except cli.
 */
package org.workbench.run;
