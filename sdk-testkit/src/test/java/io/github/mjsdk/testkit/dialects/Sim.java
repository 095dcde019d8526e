package io.github.mjsdk.testkit.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** A client against a simulator on virtual time, and the journal readers the operation tests share. */
final class Sim {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sim() {
    }

    interface Body {
        void check(MidjourneyClient client, FakeMidjourneyServer server) throws Exception;
    }

    static void run(Provider provider, Body body) throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(provider).virtualTime(time)
                     .randomSeed(5).start();
             MidjourneyClient client = server.newClient()) {
            body.check(client, server);
        }
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    static JsonNode body(RecordedCall call) throws IOException {
        return JSON.readTree(call.body());
    }

    static RecordedCall last(FakeMidjourneyServer server, Route route) {
        List<RecordedCall> calls = server.journal(route);
        return calls.get(calls.size() - 1);
    }

    /** A finished upscale of grid position 3 of a fresh grid. */
    static Task upscaled(MidjourneyClient client, Speed speed) throws Exception {
        Task grid = await(client.imagine("a lighthouse at dusk", speed));
        return await(client.upscale(grid.id(), 3, speed));
    }

    /** An 8×8 PNG with one coloured pixel that depends on {@code seed}. */
    static ImageInput png(int seed) {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(seed % 8, seed % 8, 0xFF0000 + seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return ImageInput.of(out.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
