/**
 * The fairness audit of stage 7: metrics per group of one or more raw columns (each on its own and,
 * with two or more, their intersection), the demographic-parity and equalized-odds gaps between
 * groups, and the pre-fit check of {@code evaluate.fairness}. May import the layers below training.
 */
package org.workbench.fairness;
