package org.workbench.features;

import java.util.List;
import org.workbench.config.Key;
import org.workbench.config.Section;

/** The {@code features:} section: how categorical columns become numbers. */
public record FeaturesConfig(String encode) {

    public static final List<Key> KEYS = List.of(
            Key.choice("encode", "onehot", List.of("onehot"), "categorical encoding; unseen categories at predict time -> all zeros, counted"));

    public static FeaturesConfig parse(Section f) {
        return new FeaturesConfig(f.choice("encode"));
    }
}
