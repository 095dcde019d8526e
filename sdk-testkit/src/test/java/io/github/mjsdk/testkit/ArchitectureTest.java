package io.github.mjsdk.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering of sdk-testkit: the public package on top of {@code testkit.internal}, never the reverse, and only
 * sdk-core's public API below both.
 */
@AnalyzeClasses(packages = "io.github.mjsdk.testkit", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule internalNeverReachesUp = noClasses()
            .that().resideInAPackage("io.github.mjsdk.testkit.internal..")
            .should().dependOnClassesThat().resideInAPackage("io.github.mjsdk.testkit");

    @ArchTest
    static final ArchRule onlyPublicCoreApi = noClasses().that().resideInAPackage("io.github.mjsdk.testkit..")
            .should().dependOnClassesThat().resideInAPackage("io.github.mjsdk.internal..");

    @ArchTest
    static final ArchRule noPackageCycle = slices().assignedFrom(new EachPackage("io.github.mjsdk.testkit"))
            .should().beFreeOfCycles();

    /** One slice per package, the root package included (a {@code matching(..)} pattern cannot capture it). */
    static final class EachPackage implements SliceAssignment {
        private final String root;

        EachPackage(String root) {
            this.root = root;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package in " + root;
        }
    }

    /** Main classes only, whatever the build folder is called ({@code -Dmjsdk.target=...}). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }
}
