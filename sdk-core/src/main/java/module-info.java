/**
 * mjsdk core: the Midjourney client, its typed models and errors, and the task poller.
 */
module io.github.mjsdk {
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires transitive java.desktop;

    exports io.github.mjsdk;
    exports io.github.mjsdk.model;
    exports io.github.mjsdk.error;
    exports io.github.mjsdk.poll;
    exports io.github.mjsdk.image;
    exports io.github.mjsdk.webhook;
    exports io.github.mjsdk.provider;
    exports io.github.mjsdk.observe;
    exports io.github.mjsdk.admission;

    opens io.github.mjsdk.model to com.fasterxml.jackson.databind;
}
