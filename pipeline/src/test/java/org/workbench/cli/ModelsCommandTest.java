package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.workbench.models.ModelCatalog;
import org.workbench.models.ModelSpec;

class ModelsCommandTest {
    @Test
    void listsEveryAlgorithmWithItsParamsAndDefaults() {
        Cli cli = Cli.run("models");
        assertEquals(0, cli.exitCode(), cli.err());
        String out = cli.out();
        assertTrue(out.startsWith("classification (10 algorithms; default logistic_regression)\n"), out);
        assertTrue(out.contains("\nregression (10 algorithms; default linear_regression)\n"), out);
        assertTrue(out.contains("\nclustering (3 algorithms; default kmeans)\n"), out);
        assertTrue(out.contains("      init               default kmeans++ "), out);
        for (ModelSpec m : ModelCatalog.all()) {
            assertTrue(out.contains(String.format(Locale.ROOT, "  %-20s %s%n", m.name(), m.explanation())), m.name());
        }
        assertTrue(out.contains("      kernel             default rbf      "), out);
        assertTrue(out.contains(" [rbf, linear, poly, sigmoid]\n"), out);
        assertTrue(out.contains("      tree_method        default hist     "), out);
    }

    @Test
    void filtersByTask() {
        Cli cli = Cli.run("models", "--task", "regression");
        assertEquals(0, cli.exitCode(), cli.err());
        assertFalse(cli.out().contains("classification ("), cli.out());
        assertTrue(cli.out().contains("  lasso "), cli.out());
        Cli bad = Cli.run("models", "--task", "ranking");
        assertEquals(2, bad.exitCode());
    }
}
