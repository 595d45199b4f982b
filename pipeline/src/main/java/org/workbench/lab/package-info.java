/**
 * Learning and validation curves, bias-variance and the leakage demo, with their plain-language
 * diagnosis; run by the tuning stage when tune.lab is set. May import the layers below it and
 * the stages up to evaluation.
 */
package org.workbench.lab;
