package io.github.mjsdk.model;

/**
 * Which Discord bot runs an imagine (docs/protocols.md §b.2, {@code botType}). Leaving it unset lets the server
 * choose ({@code MID_JOURNEY} by default).
 */
public enum BotType {
    /** The Midjourney bot. */
    MID_JOURNEY,
    /** The Niji journey bot (anime styles). */
    NIJI_JOURNEY
}
