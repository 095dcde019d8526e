/**
 * Receiving the callbacks that servers POST to a {@code notifyHook} URL (docs/protocols.md §a.12): parse, verify a
 * shared secret, drop duplicates and stale updates, and wake the waits that track the task.
 */
package io.github.mjsdk.webhook;
