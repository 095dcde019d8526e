package io.github.mjsdk.testkit;

/**
 * The routes of a {@link FakeMidjourneyServer}, for {@link FakeMidjourneyServer#failNext fault injection} and the
 * {@link FakeMidjourneyServer#journal() request journal}. Every API route answers under {@code /mj} and under the
 * tier prefixes {@code /mj-fast/mj}, {@code /mj-turbo/mj} and {@code /mj-relax/mj} (wire-protocol.md §b.1).
 */
public enum Route {
    /** {@code POST {tier}/mj/submit/imagine}. */
    IMAGINE,
    /** {@code POST {tier}/mj/submit/action}: click a button by customId. */
    ACTION,
    /** {@code POST {tier}/mj/submit/modal}: complete a task parked in MODAL. */
    MODAL,
    /** {@code POST {tier}/mj/submit/change}: the open-source proxy's U/V/R by index. */
    CHANGE,
    /** {@code GET {tier}/mj/task/{id}/fetch}. */
    FETCH,
    /** {@code POST {tier}/mj/task/list-by-condition}. */
    LIST_BY_CONDITION,
    /** {@code GET /mj/image/…} and {@code GET /mj/attachments/…}: generated PNGs and uploaded images. */
    IMAGE,
    /** Any other path (answered 404). */
    OTHER,
    /** Every route: only for {@link FakeMidjourneyServer#failNext}; never the route of a recorded call. */
    ANY
}
