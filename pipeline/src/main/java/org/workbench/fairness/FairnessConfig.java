package org.workbench.fairness;

import java.util.List;
import org.workbench.config.ConfigException;
import org.workbench.config.Key;
import org.workbench.config.Section;

/**
 * The {@code evaluate.fairness:} section. Absent means no audit ({@link #OFF}), and then nothing of it
 * is recorded anywhere, the resolved config included.
 *
 * @param groups       raw columns whose values form the groups; they need not be features
 * @param minGroupSize groups with fewer rows are listed as too small, without numbers, and left out of the gaps
 * @param maxLevels    a group column with more distinct values is refused before fitting
 */
public record FairnessConfig(List<String> groups, int minGroupSize, int maxLevels) {

    public static final FairnessConfig OFF = new FairnessConfig(List.of(), 30, 50);

    public static final List<Key> KEYS = List.of(
            new Key("groups", Key.Kind.LIST, Key.REQUIRED, List.of(), "raw columns to audit by, e.g. [sex, race];"
                    + " read from the raw rows, so a column dropped by preprocess.drop can still be audited"),
            Key.integer("min_group_size", 30, "groups with fewer rows (in the test split or a fold) are reported as"
                    + " too small, without numbers, and left out of the gaps"),
            Key.integer("max_levels", 50, "a group column with more distinct values than this is refused before"
                    + " fitting (an identifier or a number is not a group)"));

    public boolean enabled() {
        return !groups.isEmpty();
    }

    /** The section inside {@code evaluate}, or {@link #OFF} when it is not there. */
    public static FairnessConfig parse(Section evaluate) {
        if (!evaluate.has("fairness")) {
            return OFF;
        }
        Section f = evaluate.section("fairness", KEYS);
        List<String> groups = f.strings("groups");
        if (groups.isEmpty()) {
            throw new ConfigException(f.join("groups"), "name at least one column to audit by, e.g. [sex]");
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.subList(0, i).contains(groups.get(i))) {
                throw new ConfigException(f.join("groups") + "[" + i + "]", "'" + groups.get(i) + "' is listed twice");
            }
        }
        int min = f.integer("min_group_size");
        if (min < 1) {
            throw new ConfigException(f.join("min_group_size"), "expected 1 or more, got " + min);
        }
        int levels = f.integer("max_levels");
        if (levels < 2) {
            throw new ConfigException(f.join("max_levels"), "expected 2 or more, got " + levels);
        }
        return new FairnessConfig(groups, min, levels);
    }
}
