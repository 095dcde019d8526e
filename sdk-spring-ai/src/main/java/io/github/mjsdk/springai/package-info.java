/**
 * Midjourney as a Spring AI {@link org.springframework.ai.image.ImageModel}:
 * {@link io.github.mjsdk.springai.MidjourneyImageModel} with its {@link io.github.mjsdk.springai.MidjourneyImageOptions}.
 */
package io.github.mjsdk.springai;
