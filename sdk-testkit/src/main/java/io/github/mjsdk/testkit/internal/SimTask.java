package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated task: what was asked, and the times its lifecycle is computed from ({@link Timeline}). Its state at
 * any instant is derived, never stored. Guarded by the {@link Simulation}'s lock; fields are set while the task is
 * created, before anyone else sees it, except those documented as changing.
 */
final class SimTask {
    final String id;
    final Instant submitTime;
    String action;
    Shape shape;
    String parentId;
    String customId;
    String description;
    String state;
    String notifyHook;
    /** JourneyAPI's {@code webhook_secret}, sent back as the {@code x-webhook-secret} header; else null. */
    String webhookSecret;
    String hash;
    String botType = "MID_JOURNEY";
    /** UPSCALE shapes: which quadrant (1–4) of the source grid, drawn from {@link #sourcePrompt}/{@link #sourceSeed}. */
    int quadrant;
    String sourcePrompt;
    long sourceSeed;
    /** VIDEO shapes: how many clips (1, 2 or 4). */
    int clips;
    /** The button that parked this task in MODAL; null for tasks that never were. */
    ActionKind modalKind;

    /** Changes when a MODAL task is confirmed with a new prompt. */
    String prompt;
    /** JourneyAPI's own {@code task_type} when it is finer than the action ({@code pan-left}, {@code upscale-subtle}), else null. */
    String journeyType;
    /** When the task was cancelled ({@code POST task/{id}/cancel}), else null: from then on it is FAILURE. */
    Instant cancelledAt;
    /** A text answer shown in {@code finalPrompt} once finished, without buttons: a describe's four numbered prompts separated by blank lines, or a shorten's analysis; else null. */
    String described;
    long seed;
    Speed mode;
    /** The fail reason given by the test through {@code failTask}, shown from {@link #cancelledAt} on; else null. */
    String forcedReason;
    /** When the test stalled the task ({@code stallTask}), else null: from then on it stays as it was then. */
    Instant stalledAt;
    /** Non-null: the task ends in FAILURE with this reason (e.g. an invalid parameter). */
    String failReason;
    /** True while parked in MODAL. */
    boolean modal;
    /** When it got a job slot; null while waiting in the queue or in MODAL. */
    Instant startAt;
    Duration duration;

    /** The last state sent to the notify hook (status and progress), and the instant sent up to. */
    String notifiedState;
    Instant notifiedUpTo;

    SimTask(String id, Instant submitTime) {
        this.id = id;
        this.submitTime = submitTime;
    }

    /**
     * Why a FAILURE task failed: the test's reason, the invalid parameter, or for a cancelled task the
     * midjourney-proxy's cancel text ({@code "取消任务"}, docs/protocols.md §g.15), which servers built on such a proxy
     * relay as the failure of the job.
     */
    String failureText() {
        return forcedReason != null ? forcedReason : cancelledAt != null ? SubmitRoutes.CANCELLED : failReason;
    }

    /** Whether the task was cancelled (the cancel route or {@code cancelTask}), not failed on purpose. */
    boolean cancelled() {
        return cancelledAt != null && forcedReason == null;
    }

    /** The prompt the task's pictures are drawn from. */
    String picturePrompt() {
        return shape == Shape.GRID ? prompt : sourcePrompt;
    }

    /** The seed the task's pictures are drawn from. */
    long pictureSeed() {
        return shape == Shape.GRID ? seed : sourceSeed;
    }
}
