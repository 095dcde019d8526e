package io.github.mjsdk.examples;

import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoMotion;
import io.github.mjsdk.model.VideoRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mj video <image> [--prompt TEXT] [--motion low|high] [--batch-size N] [--end-image IMAGE]} or
 * {@code mj video --extend <taskId> [--index N] [--prompt TEXT]}: an image animated into short clips, or one clip of
 * a finished video extended (docs/protocols.md §h.2.7). With {@code --out} the clips are saved as
 * {@code DIR/<taskId>/video-1.mp4} … .
 */
@Command(name = "video", sortOptions = false,
        description = {"Animate an image (a file or an http(s) URL) into short video clips, or extend one clip of a"
            + " finished video with --extend, wait, then print the new task and its clip URLs.",
            "JourneyAPI takes image URLs only and requires --prompt; apimart has no --extend."})
final class VideoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(paramLabel = "IMAGE", arity = "0..1", description = "the first frame: an image file or URL"
            + " (not with --extend)")
    private String image;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "what should happen in the clip")
    private String prompt;

    @Option(names = "--motion", paramLabel = "MOTION", description = "low (default) or high")
    private VideoMotion motion;

    @Option(names = "--batch-size", paramLabel = "N", description = "how many clips: 1, 2 or 4 (default: the"
            + " provider's)")
    private Integer batchSize;

    @Option(names = "--end-image", paramLabel = "IMAGE", description = "the last frame: an image file or URL")
    private String endImage;

    @Option(names = "--extend", paramLabel = "TASK_ID", description = "extend a clip of this finished video task")
    private String extend;

    @Option(names = "--index", paramLabel = "N", description = "with --extend: the clip to extend, 1-4 (default 1)")
    private Integer index;

    @Mixin
    private JobOptions job;

    @Override
    public Integer call() {
        if (extend != null) {
            if (image != null || endImage != null || batchSize != null) {
                throw new ParameterException(spec.commandLine(), "--extend continues a clip: it takes no IMAGE,"
                        + " --end-image or --batch-size");
            }
            VideoExtendRequest request = VideoExtendRequest.of(extend, index == null ? 1 : index)
                    .withPrompt(prompt).withMotion(motion).withSpeed(job.speed());
            return job.run(mj, spec, "video extend", client -> client.submitExtendVideo(request),
                    (client, progress) -> client.extendVideo(request));
        }
        if (image == null) {
            throw new ParameterException(spec.commandLine(), "missing IMAGE, the first frame (or --extend TASK_ID)");
        }
        if (index != null) {
            throw new ParameterException(spec.commandLine(), "--index only goes with --extend");
        }
        VideoRequest request = VideoRequest.of(ImageArgs.of(image)).withPrompt(prompt).withMotion(motion)
                .withBatchSize(batchSize).withEndImage(endImage == null ? null : ImageArgs.of(endImage))
                .withSpeed(job.speed());
        return job.run(mj, spec, "video", client -> client.submitVideo(request),
                (client, progress) -> client.video(request));
    }
}
