/**
 * Spring Boot auto-configuration for mjsdk: the client bean ({@link io.github.mjsdk.spring.boot.MidjourneyProperties},
 * {@code mjsdk.*}), the webhook endpoint, the health indicator, the Micrometer meters, the Spring AI image model and
 * the simulator for tests.
 */
package io.github.mjsdk.spring.boot;
