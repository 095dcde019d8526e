package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.LazyJsonMap;
import io.github.mjsdk.internal.util.Redact;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as the server reports it (docs/protocols.md §a.6): one job (imagine, upscale, reroll …) and its state.
 *
 * <p>Immutable. Lists and maps are unmodifiable and never null. A task read from an answer keeps
 * {@code properties} and {@code extra} as the JSON text they came as until one of them is first read, so that the
 * many callers who never look at them do not pay for building them; what they return does not change. {@link #toString()} is a short summary that leaves
 * out {@code properties} (the open-source proxy echoes the {@code notifyHook} URL there, with any secret it holds).
 *
 * <p>Construction throws {@link NullPointerException} if {@code id} is null.
 *
 * @param id          the task id, as a string: 16 digits on midjourney-proxy servers ({@code "1712345678901123"}),
 *                    {@code task_…} on apimart, a UUID on JourneyAPI
 * @param action      the kind of job; {@link TaskAction#UNKNOWN} for values this SDK does not know
 * @param rawAction   the action string as sent, or {@code null}
 * @param status      the lifecycle state; {@link TaskStatus#UNKNOWN} for values this SDK does not know
 * @param rawStatus   the status string as sent, or {@code null}
 * @param progress    progress as an int percent, 0–100 ({@code "45%"} becomes 45; {@code ""} and null become 0;
 *                    a SUCCESS task is always 100)
 * @param prompt      the prompt as submitted, or {@code null}
 * @param promptEn    the prompt actually sent to Midjourney (after translation), or {@code null}
 * @param description the server's pseudo-command text, e.g. {@code "/imagine a cat"}, or {@code null}
 * @param state       the {@code state} string the submit carried, echoed back, or {@code null}
 * @param imageUrl    the grid or image URL: a low-resolution preview while IN_PROGRESS, the result on SUCCESS;
 *                    {@code null} before
 * @param imageUrls   the four split images when the server provides them ({@code imageUrls} as strings or
 *                    {@code [{url}]}); empty otherwise
 * @param buttons     the buttons of a finished task; empty before SUCCESS and on servers without buttons
 * @param failReason  why a FAILURE task failed, e.g. {@code "[Invalid parameter] Invalid value"}, or {@code null}
 * @param submitTime  when the task was submitted, or {@code null} (wire milliseconds; 0 means absent)
 * @param startTime   when the job started running, or {@code null}
 * @param finishTime  when the task reached SUCCESS or FAILURE, or {@code null}
 * @param properties  the server's {@code properties} map ({@code finalPrompt}, {@code messageHash},
 *                    {@code discordInstanceId} …), values as JSON-like Java objects
 * @param extra       every other field of the task JSON this record does not model ({@code mode}, {@code parentId},
 *                    {@code seed} …), values as JSON-like Java objects
 */
public record Task(
        String id,
        TaskAction action,
        String rawAction,
        TaskStatus status,
        String rawStatus,
        int progress,
        String prompt,
        String promptEn,
        String description,
        String state,
        String imageUrl,
        List<String> imageUrls,
        List<Button> buttons,
        String failReason,
        Instant submitTime,
        Instant startTime,
        Instant finishTime,
        Map<String, Object> properties,
        Map<String, Object> extra) {

    /**
     * The key of {@link #extra()} under which a progress the server wrote as text is kept as sent (see
     * {@link #rawProgress()}): {@value}.
     */
    public static final String RAW_PROGRESS = "rawProgress";

    /**
     * The progress as the server wrote it, when it wrote text: {@code "45%"}, or a phase such as
     * {@code "Waiting to start"} that {@link #progress()} reads as 0 (the open-source midjourney-proxy reports the
     * Discord message's phase there, docs/protocols.md §a.6). Kept in {@link #extra()} under {@link #RAW_PROGRESS}.
     *
     * @return the text as sent; empty when the server sent a number, an empty string or nothing
     */
    public Optional<String> rawProgress() {
        Object raw = extra.get(RAW_PROGRESS);
        return raw instanceof String ? Optional.of((String) raw) : Optional.empty();
    }

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param id see {@link #id()}
     * @param action see {@link #action()}
     * @param rawAction see {@link #rawAction()}
     * @param status see {@link #status()}
     * @param rawStatus see {@link #rawStatus()}
     * @param progress see {@link #progress()}
     * @param prompt see {@link #prompt()}
     * @param promptEn see {@link #promptEn()}
     * @param description see {@link #description()}
     * @param state see {@link #state()}
     * @param imageUrl see {@link #imageUrl()}
     * @param imageUrls see {@link #imageUrls()}
     * @param buttons see {@link #buttons()}
     * @param failReason see {@link #failReason()}
     * @param submitTime see {@link #submitTime()}
     * @param startTime see {@link #startTime()}
     * @param finishTime see {@link #finishTime()}
     * @param properties see {@link #properties()}
     * @param extra see {@link #extra()}
     */
    public Task {
        Objects.requireNonNull(id, "id");
        action = action == null ? TaskAction.UNKNOWN : action;
        status = status == null ? TaskStatus.UNKNOWN : status;
        progress = status == TaskStatus.SUCCESS ? 100 : Math.max(0, Math.min(100, progress));
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        properties = frozen(properties);
        extra = frozen(extra);
    }

    /** An unmodifiable copy; a parser's lazily built map is unmodifiable already and is kept as it is. */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        if (map instanceof LazyJsonMap) {
            return map;
        }
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Whether the task will not change any more.
     *
     * @return {@code true} when {@link #status()} is SUCCESS, FAILURE or CANCEL
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * The reroll button (🔄), found by {@link Button#isReroll()}.
     *
     * @return the button, or empty when the task has none (an upscale, or a task that is not finished)
     */
    public Optional<Button> rerollButton() {
        return buttons.stream().filter(Button::isReroll).findFirst();
    }

    /**
     * The U button for one grid image.
     *
     * @param index the grid position, 1 (top left) to 4 (bottom right)
     * @return the button, or empty when the task has none for that index
     */
    public Optional<Button> upscaleButton(int index) {
        return buttons.stream()
                .filter(b -> {
                    CustomId id = b.parsedCustomId();
                    return id.isUpscale() && id.index() == index;
                })
                .findFirst();
    }

    /**
     * The V button for one grid image.
     *
     * @param index the grid position, 1 (top left) to 4 (bottom right)
     * @return the button, or empty when the task has none for that index
     */
    public Optional<Button> variationButton(int index) {
        return buttons.stream()
                .filter(b -> {
                    CustomId id = b.parsedCustomId();
                    return id.isVariation() && id.index() == index;
                })
                .findFirst();
    }

    /**
     * The prompt as Midjourney echoed it ({@code properties.finalPrompt}).
     *
     * @return the final prompt, or empty when absent or blank (gateways send {@code ""} for unset strings)
     */
    public Optional<String> finalPrompt() {
        return stringProperty("finalPrompt");
    }

    /**
     * The job's image hash ({@code properties.messageHash}), the key ingredient of customIds.
     *
     * @return the hash, or empty when absent or blank
     */
    public Optional<String> messageHash() {
        return stringProperty("messageHash");
    }

    /**
     * The Discord instance (channel) that ran the job ({@code properties.discordInstanceId}).
     *
     * @return the instance id, or empty when absent or blank
     */
    public Optional<String> discordInstanceId() {
        return stringProperty("discordInstanceId");
    }

    /**
     * The four prompts of a finished describe (docs/protocols.md §h.2.1, §g.22), read from wherever the provider
     * puts them: JourneyAPI's {@code content} array; else {@code properties.finalPrompt} (the proxy family: lines
     * {@code 1️⃣ …} separated by blank lines), else {@code promptEn} (CometAPI), else {@code prompt} or
     * {@code description} (apimart: four numbered lines). Numbering emoji, {@code 1.}-style numbers and blank lines
     * are removed.
     *
     * @return the prompts in order (usually four), or an empty list when the task carries none (not a describe, or
     *     not finished); never null
     */
    public List<String> describePrompts() {
        Object content = extra.get("content");
        if (content instanceof List<?> list && !list.isEmpty()) {
            return list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).map(Task::unnumbered)
                    .filter(line -> !line.isBlank()).toList();
        }
        for (String text : new String[] {finalPrompt().orElse(null), promptEn, prompt, description}) {
            List<String> lines = promptLines(text);
            if (lines.size() >= 2) {
                return lines;
            }
        }
        return List.of();
    }

    /**
     * The shorter prompts of a finished shorten (docs/protocols.md §h.2.3): the numbered lines ({@code 1️⃣ …}
     * to {@code 5️⃣ …}) under the "Shortened prompts" heading of {@code properties.finalPrompt}, numbering removed.
     *
     * @return the prompts in order (usually five), or an empty list when the task carries none; never null
     */
    public List<String> shortenedPrompts() {
        String text = finalPrompt().orElse("");
        int heading = text.indexOf("Shortened prompts");
        if (heading < 0) {
            return List.of();
        }
        return text.substring(heading).lines().skip(1).filter(line -> line.strip().matches("^[0-9]\\uFE0F?\\u20E3.*"))
                .map(Task::unnumbered).filter(line -> !line.isBlank()).toList();
    }

    private static List<String> promptLines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(Task::unnumbered).filter(line -> !line.isBlank()).toList();
    }

    private static String unnumbered(String line) {
        String s = line.strip();
        if (s.startsWith("/describe") || s.startsWith("/imagine")) {
            return "";
        }
        // keycap digits: digit, optional U+FE0F, U+20E3
        java.util.regex.Matcher keycap = java.util.regex.Pattern.compile("^[0-9]\\uFE0F?\\u20E3\\s*").matcher(s);
        if (keycap.find()) {
            return s.substring(keycap.end()).strip();
        }
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("^[0-9][.)]\\s+").matcher(s);
        if (number.find()) {
            return s.substring(number.end()).strip();
        }
        return s;
    }

    /**
     * The first button whose customId contains a token, e.g. {@code "::pan_left::"} or {@code "Inpaint"}.
     *
     * @param token the text to look for; must not be null
     * @return the button, or empty when none has it
     */
    public Optional<Button> buttonContaining(String token) {
        return buttons.stream().filter(b -> b.customId() != null && b.customId().contains(token)).findFirst();
    }

    private Optional<String> stringProperty(String key) {
        Object value = properties.get(key);
        String text = value == null ? "" : String.valueOf(value);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A short summary: id, action, status, progress, image URL, fail reason and button count.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "Task[id=" + id + ", action=" + (action == TaskAction.UNKNOWN ? rawAction : action)
                + ", status=" + (status == TaskStatus.UNKNOWN ? rawStatus : status)
                + ", progress=" + progress + "%"
                + (imageUrl == null ? "" : ", imageUrl=" + Redact.url(imageUrl))
                + (failReason == null ? "" : ", failReason=" + failReason)
                + ", buttons=" + buttons.size() + "]";
    }
}
