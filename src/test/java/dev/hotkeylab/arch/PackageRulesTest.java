package dev.hotkeylab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout the README and {@code STYLE.md} promise, kept by the build (runs in {@code mvn test}, no broker): the
 * lower packages ({@code keys}, {@code hotkeys}, {@code metrics}) know no other package of the project but
 * {@code util}, which knows none, {@code broker}
 * knows none of the packages that use it, {@code cli} is the only package that wires {@code report} and
 * {@code dashboard} in, nothing imports {@code cli}, and no two packages import each other, directly or round a
 * circle. The Kafka test kit keeps the same kind of rules with checkstyle's import-control; ArchUnit reads the compiled
 * classes, so a dependency through a fully qualified name counts too. Only {@code src/main} is checked.
 */
@AnalyzeClasses(packages = "dev.hotkeylab", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    private static final String[] ABOVE_THE_LOWER_PACKAGES = {"dev.hotkeylab.broker..", "dev.hotkeylab.cli..",
        "dev.hotkeylab.chart..",
        "dev.hotkeylab.report..", "dev.hotkeylab.dashboard..", "dev.hotkeylab.experiment..", "dev.hotkeylab.whatif..",
        "dev.hotkeylab.inventory..", "dev.hotkeylab.parallel..", "dev.hotkeylab.junit.."};

    @ArchTest
    static final ArchRule lowerPackagesKnowNothingAboveThem = noClasses()
            .that().resideInAnyPackage("dev.hotkeylab.keys..", "dev.hotkeylab.hotkeys..", "dev.hotkeylab.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_LOWER_PACKAGES)
            .because("keys, hotkeys and metrics are the core every command and test builds on");

    @ArchTest
    static final ArchRule utilKnowsNoOtherPackage = noClasses()
            .that().resideInAPackage("dev.hotkeylab.util..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_LOWER_PACKAGES)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.hotkeylab.keys..", "dev.hotkeylab.hotkeys..",
                    "dev.hotkeylab.metrics..", "dev.hotkeylab.scan..")
            .because("util holds the rules every package shares (how a choice is named) and so can lean on none");

    @ArchTest
    static final ArchRule keysBaseIsTheBottom = noClasses()
            .that().resideInAPackage("dev.hotkeylab.keys.base..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hotkeylab.keys", "dev.hotkeylab.keys.adaptive..")
            .because("the key rules and partition-aware salts serve both the strategies and the adaptive partitioner");

    @ArchTest
    static final ArchRule chartsKnowOnlyStrategies = noClasses()
            .that().resideInAPackage("dev.hotkeylab.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hotkeylab.cli..", "dev.hotkeylab.report..",
                    "dev.hotkeylab.dashboard..", "dev.hotkeylab.experiment..", "dev.hotkeylab.whatif..",
                    "dev.hotkeylab.broker..")
            .because("the renderer draws for the report and for whatif alike, and reads only a strategy's colour");

    @ArchTest
    static final ArchRule brokerKnowsNoUser = noClasses()
            .that().resideInAPackage("dev.hotkeylab.broker..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.hotkeylab.cli..", "dev.hotkeylab.report..",
                    "dev.hotkeylab.dashboard..", "dev.hotkeylab.experiment..", "dev.hotkeylab.whatif..",
                    "dev.hotkeylab.inventory..", "dev.hotkeylab.parallel..")
            .because("a backend starts or reaches a broker and knows nothing of what runs on it");

    @ArchTest
    static final ArchRule nothingImportsCli = noClasses()
            .that().resideOutsideOfPackage("dev.hotkeylab.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.hotkeylab.cli..")
            .because("cli only wires the other packages together");

    @ArchTest
    static final ArchRule onlyCliWiresTheReportIn = noClasses()
            .that().resideOutsideOfPackages("dev.hotkeylab.cli..", "dev.hotkeylab.report..")
            .should().dependOnClassesThat().resideInAPackage("dev.hotkeylab.report..");

    @ArchTest
    static final ArchRule onlyCliWiresTheDashboardIn = noClasses()
            .that().resideOutsideOfPackages("dev.hotkeylab.cli..", "dev.hotkeylab.dashboard..")
            .should().dependOnClassesThat().resideInAPackage("dev.hotkeylab.dashboard..");

    /** Every package is its own slice, so {@code keys} and {@code keys.adaptive} may not import each other. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.hotkeylab.(**)").should().beFreeOfCycles();
}
