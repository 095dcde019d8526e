package io.github.mjsdk.testkit.internal;

import java.time.Instant;

/**
 * Task making shared by every dialect's submit routes: a task derived from a parent, and admission (the fail
 * reason of a prompt's invalid parameters, the duration of its tier, a job slot or a place in the queue). Callers
 * hold the {@link Simulation}'s lock.
 */
final class Jobs {
    private final Simulation simulation;
    private final ServerConfig config;

    Jobs(Simulation simulation, ServerConfig config) {
        this.simulation = simulation;
        this.config = config;
    }

    /** A new task made from a parent: its prompt, and for single images the parent's picture at a quadrant. */
    SimTask derive(SimTask parent, String action, Shape shape, int quadrant, Instant now) {
        SimTask task = simulation.create(now);
        task.parentId = parent.id;
        task.action = action;
        task.shape = shape;
        task.prompt = parent.prompt;
        task.botType = parent.botType;
        if (shape != Shape.GRID) {
            task.quadrant = quadrant;
            task.sourcePrompt = parent.picturePrompt();
            task.sourceSeed = parent.pictureSeed();
        }
        return task;
    }

    /**
     * A VIDEO task animating a first frame into {@code clips} clips (docs/protocols.md §h.2.7); the simulator draws
     * its frames from the frame's reference and the prompt, not from the image's pixels.
     *
     * @param frame  where the first frame is: a URL, or the simulator's link to an uploaded image
     * @param prompt the prompt, or null
     */
    SimTask video(String frame, String prompt, int clips, Instant now) {
        SimTask task = simulation.create(now);
        task.action = "VIDEO";
        task.shape = Shape.VIDEO;
        task.clips = clips;
        task.quadrant = 1;
        task.prompt = prompt == null ? frame : frame + " " + prompt;
        task.sourcePrompt = task.prompt;
        task.sourceSeed = task.seed;
        task.description = "/video " + task.prompt;
        return task;
    }

    /** Why clip {@code clip} (1-based) of {@code parent} cannot be extended at {@code now}; null when it can. */
    static String extendRefusal(SimTask parent, int clip, Instant now) {
        if (parent.shape != Shape.VIDEO || !Timeline.at(parent, now).status().equals("SUCCESS")) {
            return "the parent must be a finished video task";
        }
        return clip > parent.clips ? "the parent has " + parent.clips + " clips, not " + clip : null;
    }

    /** A VIDEO task of four clips continuing clip {@code clip} (1-based) of a finished video. */
    SimTask extend(SimTask parent, int clip, String prompt, Instant now) {
        SimTask task = derive(parent, "VIDEO", Shape.VIDEO, (parent.quadrant + clip - 2) % 4 + 1, now);
        task.clips = 4;
        if (prompt != null) {
            task.prompt = prompt;
        }
        task.description = "/video extend " + parent.id + " " + clip;
        return task;
    }

    /**
     * Stores the task and gives it a slot or a queue place; a task refused for a full queue is forgotten. A task
     * without a fail reason yet gets the one its prompt's invalid parameters give, if any.
     *
     * @return 0 when it runs, its 1-based place in the queue, or {@link Slots#REFUSED}
     */
    int admit(SimTask task, Instant now) {
        if (task.failReason == null) {
            task.failReason = PromptRules.invalidParameter(task.prompt);
        }
        task.duration = config.duration(task.mode);
        simulation.store(task);
        return simulation.admit(task, now);
    }
}
