/**
 * Stage 8: grid, random and halving search over config paths, the did-tuning-help test and
 * tuned.yaml. May import the layers below it, the stages before it and lab.
 */
package org.workbench.tuning;
