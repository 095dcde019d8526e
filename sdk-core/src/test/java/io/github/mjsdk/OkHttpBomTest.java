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
 * The fix for OkHttp 4 next to OkHttp 5 names okhttp-bom at the OkHttp version the build uses (the parent pom's
 * {@code okhttp.version}): in the README, in its Maven and its Gradle form, and in mjsdk's own BOM, which imports it.
 * The fix itself is proven by the consumer builds in {@code sdk-examples/src/it}.
 */
class OkHttpBomTest {
    private static final Pattern OKHTTP_VERSION = Pattern.compile("<okhttp\\.version>([^<]+)</okhttp\\.version>");

    /** A file of the repository's root, from the module's folder (Maven) or the root (an IDE). */
    private static String read(String name) throws IOException {
        Path root = Files.isDirectory(Path.of("sdk-core")) ? Path.of(".") : Path.of("..");
        return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
    }

    private static String okHttpVersion(String pom) throws IOException {
        Matcher property = OKHTTP_VERSION.matcher(read(pom));
        assertThat(property.find()).as(pom + " sets okhttp.version").isTrue();
        return property.group(1);
    }

    @Test
    void theReadmeImportsOkHttpsBomAtTheBuildsOkHttpVersion() throws IOException {
        String version = okHttpVersion("pom.xml");
        String readme = read("README.md");

        assertThat(readme).contains("<artifactId>okhttp-bom</artifactId>\n      <version>" + version + "</version>")
                .contains("platform(\"com.squareup.okhttp3:okhttp-bom:" + version + "\")");
    }

    @Test
    void mjsdksBomImportsOkHttpsBomAtTheBuildsOkHttpVersion() throws IOException {
        assertThat(okHttpVersion("sdk-bom/pom.xml")).isEqualTo(okHttpVersion("pom.xml"));
        assertThat(read("sdk-bom/pom.xml")).contains("<artifactId>okhttp-bom</artifactId>\n"
                + "        <version>${okhttp.version}</version>\n        <type>pom</type>\n"
                + "        <scope>import</scope>");
    }
}
