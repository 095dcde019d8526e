package io.github.mjsdk.testkit.internal;

/**
 * What a request asks the simulator for, whatever the dialect's path for it: the routes of the midjourney-proxy
 * protocol (docs/protocols.md §b.1), onto which the apimart and JourneyAPI paths fall by what they do. The public
 * {@code Route} of the testkit names the same values, plus one for "every route" in fault injection.
 */
public enum Endpoint {
    /** Start a grid: {@code submit/imagine}, apimart's {@code /generations}, JourneyAPI's {@code /imagine}. */
    IMAGINE,
    /** Click a button of a task: {@code submit/action} and the other dialects' follow-ups. */
    ACTION,
    /** Complete a task parked in MODAL: {@code submit/modal}, apimart's {@code /generations/modal}. */
    MODAL,
    /** The open-source proxy's U/V/R by index: {@code submit/change}. */
    CHANGE,
    /** An image to four prompts: {@code submit/describe}, apimart's {@code /generations/describe}, JourneyAPI's {@code /describe}. */
    DESCRIBE,
    /** 2–5 images to a grid: {@code submit/blend}, apimart's {@code /generations/blend}, JourneyAPI's {@code /blend}. */
    BLEND,
    /**
     * An image to video clips, and a video extend (docs/protocols.md §h.2.7): {@code submit/video}, apimart's
     * {@code /generations/video}, JourneyAPI's {@code /imagine-video} and {@code /extend-video}.
     */
    VIDEO,
    /** Read one task: {@code task/{id}/fetch}, apimart's two queries, JourneyAPI's {@code /fetch}. */
    FETCH,
    /** The account balance: apimart's {@code GET /v1/user/balance}, JourneyAPI's {@code GET /account}. */
    BALANCE,
    /** Prompt analysis: {@code submit/shorten} (PLUS, trueai). */
    SHORTEN,
    /** The seed of a finished task: {@code GET task/{id}/image-seed} (PLUS, trueai). */
    SEED,
    /** Cancel a task: {@code POST task/{id}/cancel} (trueai). */
    CANCEL,
    /** Read several tasks: {@code task/list-by-condition}. */
    LIST_BY_CONDITION,
    /** The simulator's images: {@code /mj/image/…} and {@code /mj/attachments/…}. */
    IMAGE,
    /** Any other path. */
    OTHER
}
