package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPMS user's view of the testkit: a module {@code demo} that {@code requires io.github.mjsdk.testkit}, compiled
 * in-process against the built modules of sdk-core and the testkit and their runtime dependencies, without JUnit
 * (optional: {@code requires static}).
 */
class ModuleUserTest {
    private static final String MODULE = "io.github.mjsdk.testkit";

    @Test
    void aModuleThatRequiresTheTestkitCompiles(@TempDir Path dir) throws IOException {
        Compiled compiled = compileDemo(dir, """
                package demo;

                import io.github.mjsdk.MidjourneyClient;
                import io.github.mjsdk.testkit.FakeMidjourneyServer;
                import io.github.mjsdk.testkit.Route;
                import io.github.mjsdk.testkit.VirtualTime;
                import okhttp3.OkHttpClient;

                public final class Demo {
                    public static int requests() {
                        try (VirtualTime time = VirtualTime.create();
                             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).start();
                             MidjourneyClient client = server.newClient()) {
                            OkHttpClient http = time.okHttpClient();
                            return server.journal(Route.ANY).size() + http.dispatcher().runningCallsCount();
                        }
                    }
                }
                """);

        assertThat(compiled.output()).isEmpty();
        assertThat(compiled.status()).isZero();
    }

    @Test
    void theInternalPackageIsNotExported(@TempDir Path dir) throws IOException {
        Compiled compiled = compileDemo(dir, """
                package demo;

                import io.github.mjsdk.testkit.internal.Simulator;

                public final class Demo {
                    Simulator simulator;
                }
                """);

        assertThat(compiled.status()).isNotZero();
        assertThat(compiled.output()).contains("package io.github.mjsdk.testkit.internal is not visible");
    }

    /**
     * Compiles module {@code demo} with one class {@code demo.Demo} with the JDK's javac, in-process (through
     * {@link ToolProvider}, so that the tests, patched into the testkit's module, need not read java.compiler).
     */
    private static Compiled compileDemo(Path dir, String demoClass) throws IOException {
        Path moduleInfo = write(dir.resolve("src/module-info.java"), "module demo { requires " + MODULE + "; }\n");
        Path demo = write(dir.resolve("src/demo/Demo.java"), demoClass);
        String modulePath = modulesRequiredBy(MODULE).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter output = new StringWriter();
        int status = javac.run(new PrintWriter(output), new PrintWriter(output), "-proc:none", "-Xlint:none",
                "--module-path", modulePath, "-d", dir.resolve("out").toString(),
                moduleInfo.toString(), demo.toString());
        return new Compiled(status, output.toString());
    }

    /** What javac said: its exit status (0 when it reported no error) and its messages. */
    private record Compiled(int status, String output) {
    }

    /**
     * The locations of a module and of every module it requires, transitively, except {@code requires static} and
     * the JDK's, found among the test class path's entries (built classes folders with a module-info, and jars).
     */
    private static List<Path> modulesRequiredBy(String root) {
        Path[] entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of)
                .filter(entry -> Files.isRegularFile(entry) || Files.isRegularFile(entry.resolve("module-info.class")))
                .toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.of(entries);
        Map<String, Path> found = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Optional<ModuleReference> module = found.containsKey(name) ? Optional.empty() : finder.find(name);
            if (module.isPresent()) {
                found.put(name, Path.of(module.get().location().orElseThrow()));
                module.get().descriptor().requires().stream()
                        .filter(requires -> !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                        .forEach(requires -> pending.push(requires.name()));
            }
        }
        assertThat(found).containsKeys(root, "io.github.mjsdk");
        return List.copyOf(found.values());
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
