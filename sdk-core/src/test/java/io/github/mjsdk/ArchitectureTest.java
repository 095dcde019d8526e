package io.github.mjsdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.mjsdk.internal.dialect.Dialect;

/**
 * The layering of sdk-core (docs/architecture.md §3): packages by concern, dependencies pointing down, no cycle,
 * implementations package-private beside their seam.
 */
@AnalyzeClasses(packages = "io.github.mjsdk", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("util").definedBy("io.github.mjsdk.internal.util..")
            .layer("model").definedBy("io.github.mjsdk.model..")
            .layer("error").definedBy("io.github.mjsdk.error..")
            .layer("provider").definedBy("io.github.mjsdk.provider..")
            .layer("poll").definedBy("io.github.mjsdk.poll..")
            .layer("observe").definedBy("io.github.mjsdk.observe..")
            .layer("admission").definedBy("io.github.mjsdk.admission..")
            .layer("http").definedBy("io.github.mjsdk.internal.http..")
            .layer("dialect").definedBy("io.github.mjsdk.internal.dialect..")
            .layer("poller").definedBy("io.github.mjsdk.internal.poll..")
            .layer("queue").definedBy("io.github.mjsdk.internal.admission..")
            .layer("flow").definedBy("io.github.mjsdk.internal.flow..")
            .layer("image").definedBy("io.github.mjsdk.image..")
            .layer("webhook").definedBy("io.github.mjsdk.webhook..")
            .layer("client").definedBy("io.github.mjsdk")
            .whereLayer("util").mayNotAccessAnyLayer()
            .whereLayer("model").mayOnlyAccessLayers("util")
            .whereLayer("error").mayOnlyAccessLayers("model", "util")
            .whereLayer("provider").mayOnlyAccessLayers("util")
            .whereLayer("poll").mayOnlyAccessLayers("model", "error", "util")
            .whereLayer("observe").mayOnlyAccessLayers("model")
            .whereLayer("admission").mayOnlyAccessLayers("model", "error")
            .whereLayer("http").mayOnlyAccessLayers("error", "util", "observe")
            .whereLayer("dialect").mayOnlyAccessLayers("http", "util", "model", "error", "provider")
            .whereLayer("poller").mayOnlyAccessLayers("http", "util", "model", "error", "poll", "observe")
            .whereLayer("queue").mayOnlyAccessLayers("admission", "http", "util", "model", "error", "observe")
            .whereLayer("flow").mayOnlyAccessLayers("dialect", "poller", "queue", "http", "util", "model", "error",
                    "poll", "image")
            .whereLayer("image").mayOnlyAccessLayers("http", "util", "model", "error")
            .whereLayer("webhook").mayOnlyAccessLayers("dialect", "util", "model", "error", "poll")
            .whereLayer("client").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noPackageCycle = slices().matching("io.github.mjsdk.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dialectsHideBehindTheirSeam = classes().that().resideInAPackage("..internal.dialect..")
            .and().implement(Dialect.class).should().notBePublic();

    @ArchTest
    static final ArchRule pollerPartsArePackagePrivate = classes().that().resideInAPackage("..internal.poll..")
            .and().areTopLevelClasses().and().haveSimpleNameNotStartingWith("DefaultTaskPoller")
            .and().areNotInterfaces()
            .should().notBePublic();

    @ArchTest
    static final ArchRule admissionPartsArePackagePrivate = classes().that()
            .resideInAPackage("..internal.admission..").and().areTopLevelClasses()
            .and().haveSimpleNameNotStartingWith("Batches").and().areNotInterfaces()
            .should().notBePublic();

    @ArchTest
    static final ArchRule httpAttemptsArePackagePrivate = classes().that().resideInAPackage("..internal.http..")
            .and().haveSimpleNameStartingWith("WireAttempt").should().notBePublic();

    /** Main classes only, whatever the build folder is called ({@code -Dmjsdk.target=...}). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }
}
