package io.github.mjsdk.testkit;

import io.github.mjsdk.model.Speed;
import java.time.Instant;

/**
 * One task in the simulated account's task list ({@link FakeMidjourneyServer#tasks()}): what the server created,
 * whoever asked for it. A submit refused for a full queue ({@link AccountLimits}) creates none, so two entries with
 * the same prompt and action are the same job paid twice.
 *
 * @param id         the id the server gave the task, in the dialect's form
 * @param action     what made it: {@code IMAGINE}, {@code UPSCALE}, {@code VARIATION}, {@code REROLL},
 *                   {@code DESCRIBE}, {@code BLEND} …
 * @param prompt     its prompt as stored (links to uploaded images first); a follow-up has its parent's
 * @param tier       the tier whose slots and duration it uses; FAST when the request named none
 * @param submitTime when the submit was accepted, on the server's clock
 * @param slotTime   when it got a job slot (its run started then), on the server's clock; {@code null} while it
 *                   waits in line or in MODAL, and for a job cancelled before it got one
 */
public record ServerTask(String id, String action, String prompt, Speed tier, Instant submitTime, Instant slotTime) {
}
