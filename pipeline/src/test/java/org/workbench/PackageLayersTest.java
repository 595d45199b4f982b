package org.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The package graph of the production code: free of cycles, and layered in process order. Each
 * package may use only the packages listed before it (ARCHITECTURE.md shows the same list as a
 * diagram); a dependency on a later one means something sits in the wrong package.
 */
@AnalyzeClasses(packages = "org.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {
    /** Lowest first: the toolkit, reading a table, the step toolkit, the stages in process order, then the assembly. */
    static final List<String> LAYERS = List.of(
            "core", "config", "stats", "data", "stage", "models",
            "table", "recipe",
            "definition", "collection", "preprocessing", "features", "selection", "training", "fairness", "evaluation",
            "lab", "tuning", "deployment", "export", "monitoring", "explanation",
            "serving",
            "report", "run", "cli");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.workbench.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesUseOnlyLowerLayers = onlyLowerLayers();

    @ArchTest
    static final ArchRule everyPackageHasALayer = classes().that().resideInAPackage("org.workbench..")
            .should().resideInAnyPackage(LAYERS.stream().map(p -> "org.workbench." + p + "..").toArray(String[]::new))
            .because("a new package must be placed in LAYERS, so the layer rule covers it");

    private static ArchRule onlyLowerLayers() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] higher = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(p -> "org.workbench." + p + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage("org.workbench." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(higher)
                    .because(LAYERS.get(i) + " sits below " + String.join(", ", LAYERS.subList(i + 1, LAYERS.size()))));
        }
        return CompositeArchRule.of(rules);
    }
}
