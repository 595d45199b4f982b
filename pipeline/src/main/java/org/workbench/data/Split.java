package org.workbench.data;

/** Row indices of a training part and a held-out part. */
public record Split(int[] train, int[] test) {
}
