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
