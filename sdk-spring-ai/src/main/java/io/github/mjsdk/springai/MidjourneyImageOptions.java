package io.github.mjsdk.springai;

import java.util.Objects;
import org.springframework.ai.image.ImageOptions;

/**
 * Options of a Midjourney image request: the Spring AI {@link ImageOptions} plus Midjourney's own. Immutable; make
 * one with {@link #builder()}. Every option may be unset ({@code null}); {@link MidjourneyImageModel} then uses its
 * default options, and then Midjourney's.
 *
 * <ul>
 *   <li>{@code n}: how many of the grid's four images to return, 1 to 4 (default 4).</li>
 *   <li>{@code speed}: the tier, {@code turbo}, {@code fast}, {@code relax} or a reseller's path prefix such as
 *       {@code /mj-vip} (default: the client's default tier).</li>
 *   <li>{@code aspectRatio}: e.g. {@code "3:2"}, sent as {@code --ar 3:2}; when unset, {@code width} and
 *       {@code height} give it ({@code 1536×1024} is {@code --ar 3:2}); Midjourney chooses the pixel size itself.</li>
 *   <li>{@code model}: the Midjourney version: {@code "7"} or {@code "v7"} ({@code --v 7}), {@code "niji 6"}
 *       ({@code --niji 6}).</li>
 *   <li>{@code style}: sent as {@code --style}, e.g. {@code "raw"}.</li>
 *   <li>{@code responseFormat}: {@code "url"} (default) for the images' URLs, {@code "b64_json"} to download them and
 *       return base64.</li>
 * </ul>
 * A parameter already written in the prompt ({@code --ar 16:9} …) wins over the option.
 */
public final class MidjourneyImageOptions implements ImageOptions {
    /** {@link #getResponseFormat()} for URLs. */
    public static final String URL = "url";
    /** {@link #getResponseFormat()} for base64 data. */
    public static final String B64_JSON = "b64_json";

    private final Integer n;
    private final String model;
    private final Integer width;
    private final Integer height;
    private final String responseFormat;
    private final String style;
    private final String speed;
    private final String aspectRatio;

    private MidjourneyImageOptions(Builder builder) {
        this.n = builder.n;
        this.model = builder.model;
        this.width = builder.width;
        this.height = builder.height;
        this.responseFormat = builder.responseFormat;
        this.style = builder.style;
        this.speed = builder.speed;
        this.aspectRatio = builder.aspectRatio;
    }

    /**
     * A builder with every option unset.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The options of {@code primary}, each unset one taken from {@code fallback}.
     *
     * @param primary  the request's options, or {@code null}
     * @param fallback the defaults
     * @return the merged options
     */
    static MidjourneyImageOptions merge(ImageOptions primary, MidjourneyImageOptions fallback) {
        if (primary == null) {
            return fallback;
        }
        Builder merged = builder()
                .n(first(primary.getN(), fallback.n))
                .model(first(primary.getModel(), fallback.model))
                .width(first(primary.getWidth(), fallback.width))
                .height(first(primary.getHeight(), fallback.height))
                .responseFormat(first(primary.getResponseFormat(), fallback.responseFormat))
                .style(first(primary.getStyle(), fallback.style))
                .speed(fallback.speed)
                .aspectRatio(fallback.aspectRatio);
        if (primary instanceof MidjourneyImageOptions) {
            MidjourneyImageOptions own = (MidjourneyImageOptions) primary;
            merged.speed(first(own.speed, fallback.speed)).aspectRatio(first(own.aspectRatio, fallback.aspectRatio));
        }
        return merged.build();
    }

    private static <T> T first(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    @Override
    public Integer getN() {
        return n;
    }

    @Override
    public String getModel() {
        return model;
    }

    @Override
    public Integer getWidth() {
        return width;
    }

    @Override
    public Integer getHeight() {
        return height;
    }

    @Override
    public String getResponseFormat() {
        return responseFormat;
    }

    @Override
    public String getStyle() {
        return style;
    }

    /**
     * The speed tier.
     *
     * @return {@code turbo}, {@code fast}, {@code relax}, a path prefix, or {@code null}
     */
    public String getSpeed() {
        return speed;
    }

    /**
     * The aspect ratio.
     *
     * @return e.g. {@code "3:2"}, or {@code null}
     */
    public String getAspectRatio() {
        return aspectRatio;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MidjourneyImageOptions)) {
            return false;
        }
        MidjourneyImageOptions that = (MidjourneyImageOptions) other;
        return Objects.equals(n, that.n) && Objects.equals(model, that.model) && Objects.equals(width, that.width)
                && Objects.equals(height, that.height) && Objects.equals(responseFormat, that.responseFormat)
                && Objects.equals(style, that.style) && Objects.equals(speed, that.speed)
                && Objects.equals(aspectRatio, that.aspectRatio);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, model, width, height, responseFormat, style, speed, aspectRatio);
    }

    @Override
    public String toString() {
        return "MidjourneyImageOptions[n=" + n + ", model=" + model + ", width=" + width + ", height=" + height
                + ", responseFormat=" + responseFormat + ", style=" + style + ", speed=" + speed + ", aspectRatio="
                + aspectRatio + "]";
    }

    /** Builds {@link MidjourneyImageOptions}. Not thread-safe. */
    public static final class Builder {
        private Integer n;
        private String model;
        private Integer width;
        private Integer height;
        private String responseFormat;
        private String style;
        private String speed;
        private String aspectRatio;

        private Builder() {
        }

        /**
         * How many images to return.
         *
         * @param value 1 to 4, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is outside 1–4
         */
        public Builder n(Integer value) {
            if (value != null && (value < 1 || value > 4)) {
                throw new IllegalArgumentException("n must be 1..4 (one Midjourney grid), got " + value);
            }
            this.n = value;
            return this;
        }

        /**
         * The Midjourney version.
         *
         * @param value e.g. {@code "7"}, {@code "v6.1"}, {@code "niji 6"}, or {@code null}
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * The width, which with {@link #height(Integer)} gives the aspect ratio.
         *
         * @param value pixels, or {@code null}
         * @return this builder
         */
        public Builder width(Integer value) {
            this.width = value;
            return this;
        }

        /**
         * The height, which with {@link #width(Integer)} gives the aspect ratio.
         *
         * @param value pixels, or {@code null}
         * @return this builder
         */
        public Builder height(Integer value) {
            this.height = value;
            return this;
        }

        /**
         * How images are returned.
         *
         * @param value {@link #URL}, {@link #B64_JSON}, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException for any other value
         */
        public Builder responseFormat(String value) {
            if (value != null && !URL.equals(value) && !B64_JSON.equals(value)) {
                throw new IllegalArgumentException("responseFormat must be url or b64_json, got " + value);
            }
            this.responseFormat = value;
            return this;
        }

        /**
         * The style.
         *
         * @param value e.g. {@code "raw"}, or {@code null}
         * @return this builder
         */
        public Builder style(String value) {
            this.style = value;
            return this;
        }

        /**
         * The speed tier.
         *
         * @param value {@code turbo}, {@code fast}, {@code relax}, a path prefix such as {@code /mj-vip}, or
         *              {@code null}
         * @return this builder
         */
        public Builder speed(String value) {
            this.speed = value;
            return this;
        }

        /**
         * The aspect ratio.
         *
         * @param value e.g. {@code "16:9"}, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not two positive whole numbers around a colon
         */
        public Builder aspectRatio(String value) {
            if (value != null && !value.matches("[1-9][0-9]*:[1-9][0-9]*")) {
                throw new IllegalArgumentException("aspectRatio must look like 16:9, got " + value);
            }
            this.aspectRatio = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public MidjourneyImageOptions build() {
            return new MidjourneyImageOptions(this);
        }
    }
}
