package org.workbench.selection;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code select:} section: which features the model sees. */
public record SelectConfig(String method, List<String> include, List<String> exclude) {

    public static final List<Key> KEYS = List.of(
            Key.choice("method", "none", List.of("none"), "automatic selection method"),
            Key.list("include", List.of(), "keep only these features (after encoding; a source column keeps all its one-hot columns)"),
            Key.list("exclude", List.of(), "drop these features (same naming as include)"));

    public static SelectConfig parse(Section s) {
        return new SelectConfig(s.choice("method"), s.strings("include"), s.strings("exclude"));
    }
}
