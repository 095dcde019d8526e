package io.github.mjsdk.internal.admission;

import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.internal.http.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Admission off: every submit is sent at once and nothing is counted. */
enum NoAdmission implements Admission {
    INSTANCE;

    @Override
    public <T> CompletableFuture<T> submit(Operation operation, Supplier<CompletableFuture<T>> send) {
        return send.get();
    }

    @Override
    public void ended(Operation operation) {
        // no slots
    }

    @Override
    public boolean queued(Operation operation) {
        return false;
    }

    @Override
    public AdmissionStats stats() {
        return AdmissionStats.disabled();
    }

    @Override
    public void addListener(Runnable listener) {
        // nothing ever changes
    }

    @Override
    public void removeListener(Runnable listener) {
        // nothing was added
    }

    @Override
    public void close() {
        // nothing queued
    }
}
