/**
 * Stage 2: hashes and profiles the table read by stage 1, lints it for leakage and data-quality
 * problems, and holds out the test split. May import the layers below it and definition.
 */
package org.workbench.collection;
