/**
 * Throughput at the account's limits: the optional client-side admission queue
 * ({@link io.github.mjsdk.admission.AdmissionOptions}, enabled with
 * {@code MidjourneyClientBuilder.admission(..)}) that holds paid submits while the account runs as many jobs as it
 * can, and the batch call ({@link io.github.mjsdk.admission.Batch}) that submits many jobs and reports them as one.
 * What is re-queued and what never is: docs/admission.md.
 */
package io.github.mjsdk.admission;
