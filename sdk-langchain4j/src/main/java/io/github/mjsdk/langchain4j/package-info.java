/**
 * Midjourney as a LangChain4j {@link dev.langchain4j.model.image.ImageModel}:
 * {@link io.github.mjsdk.langchain4j.MidjourneyImageModel}.
 */
package io.github.mjsdk.langchain4j;
