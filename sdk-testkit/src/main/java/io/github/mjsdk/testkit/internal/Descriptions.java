package io.github.mjsdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator's describe answers: four prompts chosen from the image (its data URL or link), the same for the same
 * image, in the shape the proxy family returns them (docs/protocols.md §h.2.1: {@code 1️⃣ …} lines separated by
 * blank lines).
 */
final class Descriptions {
    private static final String[] SUBJECTS = {"a red fox in a snowy forest", "a lighthouse on a cliff at dusk",
        "a bowl of ramen on a wooden table", "an astronaut floating above a city", "a cat asleep on old books",
        "a koi pond under cherry blossoms"};
    private static final String[] STYLES = {"watercolor", "cinematic lighting", "isometric illustration",
        "oil painting", "35mm photograph", "ink sketch"};
    private static final String[] KEYCAPS = {"1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3", "4\uFE0F\u20E3"};

    private Descriptions() {
    }

    /** The four prompts of an image, one per entry. */
    static List<String> prompts(String image) {
        int seed = 0;
        for (byte b : image.getBytes(StandardCharsets.UTF_8)) {
            seed = seed * 31 + b;
        }
        seed = Math.abs(seed % 997);
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            prompts.add(SUBJECTS[(seed + i) % SUBJECTS.length] + ", " + STYLES[(seed + 2 * i) % STYLES.length]
                    + " --ar 1:1");
        }
        return prompts;
    }

    /** apimart's {@code prompt} of a finished describe: four lines {@code 1. …} separated by {@code \n}. */
    static String numbered(String described) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (String line : described.split("\n\n")) {
            n++;
            text.append(n > 1 ? "\n" : "").append(n).append(". ").append(line.substring(line.indexOf(' ') + 1));
        }
        return text.toString();
    }

    /** A shorten's analysis (docs/protocols.md §h.2.3): the tokens, then five ever shorter prompts. */
    static String shortened(String prompt) {
        String[] words = PromptRules.withoutSpeedFlags(prompt).trim().split("\\s+");
        StringBuilder text = new StringBuilder("## Important tokens\n");
        for (int i = 0; i < Math.min(words.length, 5); i++) {
            text.append(i > 0 ? ", " : "").append(words[i]);
        }
        text.append("\n\n## Shortened prompts\n");
        for (int n = 1; n <= 5; n++) {
            int keep = Math.max(1, words.length - (n - 1) * Math.max(1, words.length / 5));
            text.append('\n').append(n).append("\uFE0F\u20E3 ")
                    .append(String.join(" ", Arrays.asList(words).subList(0, keep))).append('\n');
        }
        return text.toString();
    }

    /** The proxy family's {@code finalPrompt} of a describe. */
    static String of(String image) {
        List<String> prompts = prompts(image);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < prompts.size(); i++) {
            if (i > 0) {
                text.append("\n\n");
            }
            text.append(KEYCAPS[i]).append(' ').append(prompts.get(i));
        }
        return text.toString();
    }
}
