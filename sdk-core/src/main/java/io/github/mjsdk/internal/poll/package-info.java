/** Not API: the batched poller behind {@code TaskPoller}, its decision table and its request-slot limiter. */
package io.github.mjsdk.internal.poll;
