package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoMotion;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Image → video, against the built-in simulator (no key, no network): an upscaled image animated into clips with
 * high motion, the clips saved under {@code mj-out/<taskId>/} (the simulator serves animated GIFs; real providers
 * serve MP4), then the first clip extended.
 *
 * <pre>
 * java -cp sdk-examples/target/mj.jar io.github.mjsdk.examples.VideoExample
 * </pre>
 */
public final class VideoExample {
    private VideoExample() {
    }

    /**
     * Runs the example against a fresh simulator, saving under {@code mj-out}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().start();
             MidjourneyClient client = server.newClient()) {
            run(client, Path.of("mj-out"), System.out);
        }
    }

    /**
     * The example on any client whose provider has video and video extend (the proxy family, JourneyAPI).
     *
     * @param client the client
     * @param dir    where the clips are saved
     * @param out    where each step prints its line
     * @return the files saved, the video's clips then the extension's
     */
    static List<Path> run(MidjourneyClient client, Path dir, PrintStream out) {
        Task grid = client.imagine("a lighthouse on a cliff at dusk", null).join();
        Task image = client.upscale(grid.id(), 1, null).join();

        Task video = client.video(VideoRequest.of(ImageInput.ofUrl(image.imageUrl()))
                .withPrompt("waves break against the cliff").withMotion(VideoMotion.HIGH)).join();
        List<Path> clips = client.images().saveVideos(video, dir).join();
        out.println("video: " + video.id() + " " + clips.size() + " clips saved, first " + clips.get(0));

        Task longer = client.extendVideo(VideoExtendRequest.of(video.id(), 1).withPrompt("the light turns on"))
                .join();
        List<Path> more = client.images().saveVideos(longer, dir).join();
        out.println("extend: " + longer.id() + " " + more.size() + " clips saved");
        return java.util.stream.Stream.concat(clips.stream(), more.stream()).toList();
    }
}
