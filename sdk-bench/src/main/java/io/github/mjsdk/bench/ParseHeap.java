package io.github.mjsdk.bench;

import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.image.GridSplitter;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.Dialects;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.provider.Protocol;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The smallest heap ({@code -Xmx}) in which the SDK reads an answer of each hostile shape, or decodes and splits a
 * grid image: each case runs in a child JVM at growing heap sizes until one succeeds. Peak heap per MiB of JSON and
 * per megapixel, as docs/reliability.md reports them.
 *
 * <pre>{@code java -cp sdk-bench/target/benchmarks.jar io.github.mjsdk.bench.ParseHeap}</pre>
 */
public final class ParseHeap {
    private static final int[] HEAPS_MIB = {16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024};
    private static final int BODY_MIB = 8;
    private static final String TASK = "{\"id\":\"%016d\",\"action\":\"IMAGINE\",\"status\":\"SUCCESS\","
            + "\"progress\":\"100%%\",\"prompt\":\"a red fox in fresh snow --ar 3:2\",\"imageUrl\":"
            + "\"https://cdn.example.com/mj/85a4b4c1-8835-46c5-a15c-aea34fad1862.png\",\"buttons\":[{\"customId\":"
            + "\"MJ::JOB::upsample::1::85a4b4c1-8835-46c5-a15c-aea34fad1862\",\"label\":\"U1\"}],\"properties\":"
            + "{\"finalPrompt\":\"a red fox\"}}";

    private ParseHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        Path image = Files.createTempFile("parse-heap", ".png");
        writeGrid(image, 4096);
        System.out.println("| case | input | smallest heap that works | heap per MiB (or per Mpx) |");
        System.out.println("|---|---|---:|---:|");
        for (String shape : List.of("tasks", "oneString", "numbers", "unknownFields", "properties")) {
            int heap = smallestHeap("json:" + shape);
            System.out.printf(Locale.ROOT, "| JSON %s | %d MiB | %d MiB | %.1f |%n", shape, BODY_MIB, heap,
                    (double) heap / BODY_MIB);
        }
        int heap = smallestHeap("image:" + image);
        System.out.printf(Locale.ROOT, "| PNG grid 4096×4096, decode + split | 16.8 Mpx | %d MiB | %.1f |%n", heap,
                heap / 16.777216);
        Files.deleteIfExists(image);
    }

    private static int smallestHeap(String what) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (int heap : HEAPS_MIB) {
            Process child = new ProcessBuilder(java, "-Xmx" + heap + "m", "-cp", System.getProperty("java.class.path"),
                    ParseHeap.class.getName(), "child", what).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (child.waitFor() == 0) {
                return heap;
            }
        }
        return -1;
    }

    private static void child(String what) throws Exception {
        try {
            if (what.startsWith("image:")) {
                byte[] png = Files.readAllBytes(Path.of(what.substring(6)));
                GridSplitter.split(GridSplitter.decode(new DownloadedImage(png, "image/png", "grid.png")));
            } else {
                byte[] body = body(what.substring(5));
                Dialect proxy = Dialects.of(Protocol.MIDJOURNEY_PROXY, null);
                ApiRequest request = ApiRequest.query("/mj/task/list-by-condition", null);
                ApiResponse response = new ApiResponse(request, 200, "application/json", body, null, null, null);
                try {
                    proxy.parseTasks(response, Instant.now());
                } catch (RuntimeException typed) {
                    // a typed refusal is a result too: what matters is the heap it took
                }
            }
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.exit(3);
        }
    }

    private static byte[] body(String shape) {
        int size = BODY_MIB * 1024 * 1024;
        StringBuilder json = new StringBuilder(size + 1024);
        switch (shape) {
            case "tasks" -> {
                json.append('[');
                for (int i = 0; json.length() < size; i++) {
                    json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, TASK, i));
                }
                json.append(']');
            }
            case "oneString" -> json.append("[{\"id\":\"1712345678901123\",\"status\":\"SUCCESS\",\"description\":\"")
                    .append("x".repeat(size)).append("\"}]");
            case "numbers" -> {
                json.append("[1");
                while (json.length() < size) {
                    json.append(",1");
                }
                json.append(']');
            }
            case "unknownFields", "properties" -> {
                json.append("[{\"id\":\"1712345678901123\",\"status\":\"SUCCESS\"")
                        .append(shape.equals("properties") ? ",\"properties\":{\"a\":0" : "");
                for (int i = 0; json.length() < size; i++) {
                    json.append(",\"f").append(i).append("\":").append(i);
                }
                json.append(shape.equals("properties") ? "}}]" : "}]");
            }
            default -> throw new IllegalArgumentException(shape);
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeGrid(Path file, int side) throws IOException {
        BufferedImage grid = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y += 8) {
            for (int x = 0; x < side; x += 8) {
                grid.setRGB(x, y, (x * 31 + y * 17) & 0xffffff);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(grid, "png", png);
        Files.write(file, png.toByteArray());
    }
}
