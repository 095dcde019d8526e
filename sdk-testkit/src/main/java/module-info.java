/**
 * mjsdk testkit: {@code FakeMidjourneyServer}, an in-process simulator of Midjourney-compatible APIs, with its
 * clocks, fault injection, request journal and JUnit extension. JUnit Jupiter is optional: only
 * {@code FakeMidjourneyExtension} needs it.
 */
module io.github.mjsdk.testkit {
    requires transitive io.github.mjsdk;
    requires transitive okhttp3;
    requires mockwebserver3;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.desktop;
    requires static org.junit.jupiter.api;

    exports io.github.mjsdk.testkit;
}
