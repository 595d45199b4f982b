package org.workbench.run;

import org.workbench.config.PipelineConfig;
import org.workbench.core.InputException;

import java.util.ServiceLoader;

/** Finds the engine a config names: {@code local}, or one a jar on the class path provides. */
public final class Engines {
    private Engines() {
    }

    public static Engine of(PipelineConfig config) {
        return named(config.section(EngineConfig.class).engine());
    }

    /**
     * The engine that saved a model folder (e.g. a run's {@code model.spark/}): its {@code manifest.json}
     * names it; null for anything else (a {@code model.bundle}).
     */
    public static Engine forModelFolder(java.nio.file.Path model) {
        java.nio.file.Path manifest = model.resolve("manifest.json");
        if (!java.nio.file.Files.isDirectory(model) || !java.nio.file.Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            String engine = org.workbench.core.Json.MAPPER.readTree(manifest.toFile()).path("engine").asText("");
            return engine.isEmpty() ? null : named(engine);
        } catch (java.io.IOException e) {
            throw new InputException("--model " + model + ": cannot read " + manifest + ": " + e.getMessage());
        }
    }

    /** The engine called {@code name}; an engine whose jar is not on the class path is bad input (exit 2). */
    public static Engine named(String name) {
        if (LocalEngine.NAME.equals(name)) {
            return new LocalEngine();
        }
        for (Engine e : ServiceLoader.load(Engine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InputException("engine: '" + name + "' is not on the class path of this program; run it with"
                + " scripts/workbench (e.g. scripts/workbench run CONFIG --engine " + name + "), which adds the " + name
                + " engine's jars");
    }
}
