package io.github.mjsdk.testkit;

/**
 * The routes of a {@link FakeMidjourneyServer}, for {@link FakeMidjourneyServer#failNext fault injection} and the
 * {@link FakeMidjourneyServer#journal() request journal}. In the midjourney-proxy dialect every API route answers
 * under {@code /mj} and under the tier prefixes {@code /mj-fast/mj}, {@code /mj-turbo/mj} and {@code /mj-relax/mj}
 * (docs/protocols.md §b.1). The other dialects' paths fall into the same routes by what they do: apimart's
 * {@code /v1/midjourney/generations} and JourneyAPI's {@code /imagine} are {@link #IMAGINE}; their reroll, upscale,
 * variation (and apimart's other follow-ups) are {@link #ACTION}; apimart's {@code /generations/modal} is
 * {@link #MODAL}; both apimart queries and JourneyAPI's {@code POST /fetch} are {@link #FETCH}.
 */
public enum Route {
    /**
     * {@code POST {tier}/mj/submit/imagine}; apimart's {@code /v1/midjourney/generations}; JourneyAPI's
     * {@code /imagine}.
     */
    IMAGINE,
    /**
     * {@code POST {tier}/mj/submit/action}: click a button by customId; apimart's {@code /generations/reroll},
     * {@code /upscale}, {@code /variation} … and JourneyAPI's {@code /reroll}, {@code /upscale-1x},
     * {@code /variations}.
     */
    ACTION,
    /** {@code POST {tier}/mj/submit/modal}, apimart's {@code /generations/modal}: complete a task parked in MODAL. */
    MODAL,
    /** {@code POST {tier}/mj/submit/change}: the open-source proxy's U/V/R by index. */
    CHANGE,
    /**
     * {@code POST {tier}/mj/submit/describe}, apimart's {@code /v1/midjourney/generations/describe}, JourneyAPI's
     * {@code /describe}: an image to four prompts.
     */
    DESCRIBE,
    /**
     * {@code POST {tier}/mj/submit/blend}, apimart's {@code /v1/midjourney/generations/blend}, JourneyAPI's
     * {@code /blend}: 2–5 images to a grid.
     */
    BLEND,
    /**
     * {@code POST {tier}/mj/submit/video} (with {@code action:"extend"} for an extend), apimart's
     * {@code /v1/midjourney/generations/video}, JourneyAPI's {@code /imagine-video} and {@code /extend-video}: an
     * image to video clips, or a clip extended.
     */
    VIDEO,
    /**
     * {@code GET {tier}/mj/task/{id}/fetch}; apimart's {@code GET /v1/midjourney/{id}} and
     * {@code GET /v1/tasks/{id}}; JourneyAPI's {@code POST /fetch}.
     */
    FETCH,
    /** apimart's {@code GET /v1/user/balance} and JourneyAPI's {@code GET /account}: the account balance. */
    BALANCE,
    /** {@code POST {tier}/mj/submit/shorten}: prompt analysis (PLUS, trueai). */
    SHORTEN,
    /** {@code GET /mj/task/{id}/image-seed}: the seed of a finished task (PLUS, trueai). */
    IMAGE_SEED,
    /** {@code POST /mj/task/{id}/cancel}: cancel a waiting or running task (trueai). */
    CANCEL,
    /** {@code POST {tier}/mj/task/list-by-condition}. */
    LIST_BY_CONDITION,
    /**
     * {@code GET /mj/image/…} and {@code GET /mj/attachments/…}: generated PNGs and uploaded images, in every
     * dialect.
     */
    IMAGE,
    /** Any other path (answered 404). */
    OTHER,
    /** Every route: only for {@link FakeMidjourneyServer#failNext}; never the route of a recorded call. */
    ANY
}
