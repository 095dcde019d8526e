package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the simulated Midjourney makes of a prompt: banned words (refused at submit with code 24, like the proxy's
 * local pre-check), Midjourney parameters ({@code --ar 3:2}, {@code --v 6.1} …; an unknown one or a bad value makes
 * the job fail later with {@code [Invalid parameter] …}, as the bot does), and the flags the simulator honours:
 * {@code --fast}/{@code --relax}/{@code --turbo}, {@code --seed}, {@code --zoom}.
 */
final class PromptRules {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_'-]+");
    private static final Pattern RATIO = Pattern.compile("[1-9][0-9]{0,3}:[1-9][0-9]{0,3}");
    private static final Set<String> VERSIONS = Set.of("1", "2", "3", "4", "5", "5.0", "5.1", "5.2", "6", "6.0",
            "6.1", "7");
    private static final Set<String> QUALITIES = Set.of(".25", ".5", "0.25", "0.5", "1", "2", "4");
    private static final Map<String, Predicate<String>> PARAMETERS = parameters();

    private final Set<String> bannedWords;

    PromptRules(Set<String> bannedWords) {
        this.bannedWords = bannedWords;
    }

    /** The first banned word of the prompt (whole words, any case), or null. */
    String bannedWord(String prompt) {
        var matcher = WORD.matcher(prompt.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (bannedWords.contains(matcher.group())) {
                return matcher.group();
            }
        }
        return null;
    }

    /** Why the bot would reject the prompt's parameters, as a fail reason; null when they are fine. */
    static String invalidParameter(String prompt) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> parameter : parameters(prompt).entrySet()) {
            Predicate<String> valid = PARAMETERS.get(parameter.getKey());
            if (valid == null) {
                unknown.add("`--" + parameter.getKey() + "`");
            } else if (!valid.test(parameter.getValue())) {
                return "[Invalid parameter] Invalid value for `--" + parameter.getKey() + "`: `"
                        + parameter.getValue() + "`";
            }
        }
        return unknown.isEmpty() ? null
                : "[Invalid parameter] Unrecognized parameter(s): " + String.join(", ", unknown);
    }

    /** The last speed flag of the prompt, or null. */
    static Speed speedFlag(String prompt) {
        Speed found = null;
        for (String name : parameters(prompt).keySet()) {
            if (name.equals("fast") || name.equals("relax") || name.equals("turbo")) {
                found = Speed.parse(name);
            }
        }
        return found;
    }

    /** The prompt's {@code --seed}, or null when it has none or an invalid one. */
    static Long seed(String prompt) {
        String value = parameters(prompt).get("seed");
        return value != null && isLong(value, 0, 4_294_967_295L) ? Long.parseLong(value) : null;
    }

    /** The prompt's {@code --zoom} factor, or null when it has none or a non-number. */
    static Double zoom(String prompt) {
        String value = parameters(prompt).get("zoom");
        return value != null && isNumber(value, 0, Double.MAX_VALUE) ? Double.parseDouble(value) : null;
    }

    /** The prompt without speed flags, as the bot echoes it before the server appends the task's own. */
    static String withoutSpeedFlags(String prompt) {
        return prompt.replaceAll("(?i)\\s*--(fast|relax|turbo)\\b", "").trim();
    }

    /** The parameters of a prompt, lower-cased names to their (possibly empty) values, in order. */
    static Map<String, String> parameters(String prompt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String token : prompt.trim().split("\\s+")) {
            if (token.startsWith("--") && token.length() > 2) {
                if (name != null) {
                    parameters.put(name, value.toString().trim());
                }
                name = token.substring(2).toLowerCase(Locale.ROOT);
                value.setLength(0);
            } else if (name != null) {
                value.append(token).append(' ');
            }
        }
        if (name != null) {
            parameters.put(name, value.toString().trim());
        }
        return parameters;
    }

    private static Map<String, Predicate<String>> parameters() {
        Map<String, Predicate<String>> rules = new LinkedHashMap<>();
        Predicate<String> any = v -> true;
        Predicate<String> none = String::isEmpty;
        Predicate<String> ratio = v -> RATIO.matcher(v).matches();
        rules.put("ar", ratio);
        rules.put("aspect", ratio);
        rules.put("v", VERSIONS::contains);
        rules.put("version", VERSIONS::contains);
        rules.put("niji", v -> v.isEmpty() || Set.of("4", "5", "6").contains(v));
        rules.put("q", QUALITIES::contains);
        rules.put("quality", QUALITIES::contains);
        rules.put("s", v -> isLong(v, 0, 1000));
        rules.put("stylize", v -> isLong(v, 0, 1000));
        rules.put("c", v -> isLong(v, 0, 100));
        rules.put("chaos", v -> isLong(v, 0, 100));
        rules.put("w", v -> isLong(v, 0, 3000));
        rules.put("weird", v -> isLong(v, 0, 3000));
        rules.put("seed", v -> isLong(v, 0, 4_294_967_295L));
        rules.put("sameseed", v -> isLong(v, 0, 4_294_967_295L));
        rules.put("iw", v -> isNumber(v, 0, 3));
        rules.put("r", v -> isLong(v, 1, 40));
        rules.put("repeat", v -> isLong(v, 1, 40));
        rules.put("stop", v -> isLong(v, 10, 100));
        rules.put("zoom", v -> isNumber(v, 1, 2));
        rules.put("sw", v -> isLong(v, 0, 1000));
        rules.put("cw", v -> isLong(v, 0, 100));
        rules.put("ow", v -> isLong(v, 1, 1000));
        rules.put("exp", v -> isLong(v, 0, 100));
        for (String flag : List.of("tile", "fast", "relax", "turbo", "draft", "hd", "test", "testp", "creative",
                "video", "raw")) {
            rules.put(flag, none);
        }
        for (String free : List.of("no", "style", "sref", "cref", "oref", "p", "personalize", "profile")) {
            rules.put(free, any);
        }
        return Map.copyOf(rules);
    }

    private static boolean isLong(String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            return parsed >= min && parsed <= max;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static boolean isNumber(String value, double min, double max) {
        try {
            double parsed = Double.parseDouble(value);
            return parsed >= min && parsed <= max;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
