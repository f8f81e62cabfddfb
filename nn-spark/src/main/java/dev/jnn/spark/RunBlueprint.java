package dev.jnn.spark;

import dev.jnn.core.Engine;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * A bound run file as it travels to an executor, which binds it again to an engine of its own: the
 * same tree gives the same model, data and optimizer there as on the driver.
 */
record RunBlueprint(LinkedHashMap<String, Object> tree, String source, String base, int threads) implements Serializable {

    static RunBlueprint of(RunSpec spec, int threads) {
        return new RunBlueprint(new LinkedHashMap<>(RunFiles.copy(spec.tree())), spec.source(), spec.base().toString(), threads);
    }

    /** A new engine for this executor: the task's threads, and the class loader Spark gave it (plugin jars included). */
    Engine newEngine() {
        return Engine.builder().threads(threads).classLoader(Thread.currentThread().getContextClassLoader()).build();
    }

    RunSpec bind(Engine engine) {
        return RunSpec.bind(engine, tree, source, Path.of(base));
    }
}
