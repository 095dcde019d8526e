package io.github.mjsdk.internal.dialect;

/**
 * What a business code 3 means for a call (docs/architecture.md §6): the open-source proxy answers 3 both for "parent task
 * unknown" and for "no account available". Decided by what the SDK knows, never by the description text.
 */
public enum ParentCheck {
    /** The call names no parent (imagine, modal): 3 means no account. */
    NO_PARENT,
    /** The call names a parent the SDK has not fetched (submitAction): 3 means the parent is unknown. */
    UNVERIFIED,
    /** The SDK has just fetched the parent successfully (reroll, upscale, vary): 3 means no account. */
    VERIFIED
}
