/**
 * Observation of what a client does, for metrics and tracing attached from outside: a
 * {@link io.github.mjsdk.observe.ClientObserver} receives one small event per HTTP attempt, per poll round and per
 * wait. No dependency: bind the events to Micrometer, OpenTelemetry or a log yourself, or use the Spring Boot
 * starter's Micrometer binder.
 */
package io.github.mjsdk.observe;
