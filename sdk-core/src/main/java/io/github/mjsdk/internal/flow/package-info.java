/** Not API: the Midjourney verbs (submits, reroll/upscale/vary, the modal step, queries) over a dialect. */
package io.github.mjsdk.internal.flow;
