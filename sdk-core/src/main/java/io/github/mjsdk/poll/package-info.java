/**
 * Waiting for tasks: {@link io.github.mjsdk.poll.TaskPoller} turns a task id into a
 * {@code CompletableFuture<Task>} that completes when the task is terminal; {@link io.github.mjsdk.poll.PollOptions}
 * sets the deadline and the schedule.
 */
package io.github.mjsdk.poll;
