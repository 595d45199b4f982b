package org.workbench.recipe;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A transformation with its learned state. {@link #apply} is pure: it returns a new table and
 * leaves its input untouched. Implementations are records, so their state serializes to JSON and
 * the model bundle can replay them on raw rows. Each is nested in its step as {@code X.Fitted} and
 * carries the name bundles save it under, {@code @JsonTypeName}; its package's {@code *Steps} class
 * lists it (see {@link StepJson#typesOf}).
 */
public interface FittedStep {
    /** The step's name in summaries and errors: its JSON type name unless the step says otherwise. */
    @JsonIgnore
    default String name() {
        return StepJson.typeName(getClass());
    }

    /**
     * True when fitting found nothing to do (a drop with no column to drop): the recipe then leaves
     * the step out, so the summary and the bundle list only steps that change something.
     */
    @JsonIgnore
    default boolean changesNothing() {
        return false;
    }

    /** Transforms feature rows; notes anything unusual (e.g. unseen categories) in {@code log}. */
    Table apply(Table features, ApplyLog log);

    /**
     * The input columns that output column {@code output} of {@link #apply} is computed from, given the
     * input's column names: how an explanation reports a model feature under the raw columns it came
     * from. The default suits steps that keep, drop or rewrite columns in place: the same-named input.
     * Steps that name new columns override it; empty means the step cannot tell.
     */
    default List<String> sources(String output, List<String> inputs) {
        return inputs.contains(output) ? List.of(output) : List.of();
    }

    /** One line with the fitted numbers, e.g. "Age: median 28.0 fitted on 712 rows". */
    @JsonIgnore
    String summary();
}
