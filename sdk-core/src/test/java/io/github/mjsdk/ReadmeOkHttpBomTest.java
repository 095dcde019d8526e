package io.github.mjsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's fix for OkHttp 4 next to OkHttp 5 names okhttp-bom at the OkHttp version the build uses (the parent
 * pom's {@code okhttp.version}), in its Maven and its Gradle form. The fix itself is proven by the consumer builds in
 * {@code sdk-examples/src/it}.
 */
class ReadmeOkHttpBomTest {

    /** A file of the repository's root, from the module's folder (Maven) or the root (an IDE). */
    private static String read(String name) throws IOException {
        Path root = Files.isDirectory(Path.of("sdk-core")) ? Path.of(".") : Path.of("..");
        return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeImportsOkHttpsBomAtTheBuildsOkHttpVersion() throws IOException {
        Matcher property = Pattern.compile("<okhttp\\.version>([^<]+)</okhttp\\.version>").matcher(read("pom.xml"));
        assertThat(property.find()).as("the parent pom sets okhttp.version").isTrue();
        String version = property.group(1);
        String readme = read("README.md");

        assertThat(readme).contains("<artifactId>okhttp-bom</artifactId>\n      <version>" + version + "</version>")
                .contains("platform(\"com.squareup.okhttp3:okhttp-bom:" + version + "\")");
    }
}
