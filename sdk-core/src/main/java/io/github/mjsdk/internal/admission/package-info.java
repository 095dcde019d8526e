/** Not API: the client-side admission queue behind {@code AdmissionOptions} and the batch behind {@code Batch}. */
package io.github.mjsdk.internal.admission;
