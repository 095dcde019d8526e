package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.LazyJsonMap;
import io.github.mjsdk.internal.util.Redact;
import java.time.Instant;
import java.util.ArrayList;
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
 * @param id          the task id, as a string; never null
 * @param action      the kind of job; never null
 * @param rawAction   the action string as sent, or {@code null}
 * @param status      the lifecycle state; never null
 * @param rawStatus   the status string as sent, or {@code null}
 * @param progress    progress as an int percent, 0–100
 * @param prompt      the prompt as submitted, or {@code null}
 * @param promptEn    the prompt actually sent to Midjourney, or {@code null}
 * @param description the server's pseudo-command text, or {@code null}
 * @param state       the submit's {@code state}, echoed back, or {@code null}
 * @param imageUrl    the grid or image URL, or {@code null}
 * @param imageUrls   the split images; never null, may be empty
 * @param buttons     the buttons of a finished task; never null, may be empty
 * @param failReason  why a FAILURE task failed, or {@code null}
 * @param submitTime  when the task was submitted, or {@code null}
 * @param startTime   when the job started running, or {@code null}
 * @param finishTime  when the task reached SUCCESS or FAILURE, or {@code null}
 * @param properties  the server's {@code properties} map; never null
 * @param extra       every other field of the task JSON; never null
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
     * The task id, as a string (docs/protocols.md §a.6, §g.9): use it to fetch the task and as the {@code taskId} of
     * follow-up requests. Numeric-looking ids are never turned into numbers.
     *
     * @return a 16-digit task id such as {@code "1712345678901123"} on midjourney-proxy servers, {@code task_…} on
     *         apimart, a UUID on JourneyAPI; never null
     */
    @Override
    public String id() {
        return id;
    }

    /**
     * The kind of job (docs/protocols.md §a.7, §g.12, §g.14). A reroll carries its parent's action on PLUS and
     * trueai servers ({@code REROLL} on the open-source proxy), so do not build logic on it; {@link #rawAction()}
     * keeps the string as sent.
     *
     * @return e.g. {@link TaskAction#IMAGINE} or {@link TaskAction#UPSCALE}; {@link TaskAction#UNKNOWN} for a value
     *         this SDK does not know or when the server sent none; never null
     */
    @Override
    public TaskAction action() {
        return action;
    }

    /**
     * The action string exactly as the server sent it (docs/protocols.md §a.7, §g.14), for values that
     * {@link #action()} reads as {@link TaskAction#UNKNOWN}.
     *
     * @return e.g. {@code "IMAGINE"}, {@code "UPSCALE_HD"} or JourneyAPI's {@code "describe"}; {@code null} when
     *         the server sent none
     */
    @Override
    public String rawAction() {
        return rawAction;
    }

    /**
     * The lifecycle state (docs/protocols.md §a.7, §g.14): NOT_START, SUBMITTED, IN_PROGRESS, then SUCCESS or
     * FAILURE; MODAL while the task waits for {@code /submit/modal}; CANCEL on PLUS servers. Vendors' spellings
     * such as {@code completed} are mapped; {@link #rawStatus()} keeps the string as sent.
     *
     * @return the state; {@link TaskStatus#UNKNOWN} for a value this SDK does not know or when the server sent
     *         none; never null
     */
    @Override
    public TaskStatus status() {
        return status;
    }

    /**
     * The status string exactly as the server sent it (docs/protocols.md §a.7, §g.14).
     *
     * @return e.g. {@code "IN_PROGRESS"}, {@code "completed"} or {@code "modal"}; {@code null} when the server sent
     *         none
     */
    @Override
    public String rawStatus() {
        return rawStatus;
    }

    /**
     * The progress (docs/protocols.md §a.6, §g.7). The proxy family sends a string such as {@code "45%"}, apimart
     * an int, JourneyAPI a string without {@code %}; all are read as a percent. Text that is not a number (e.g.
     * {@code "Waiting to start"}) is kept in {@link #rawProgress()}.
     *
     * @return progress as an int percent 0–100: {@code "45%"} becomes 45; {@code ""} (sent on failure), null and
     *         text become 0; values outside the range are clamped; a SUCCESS task is always 100
     */
    @Override
    public int progress() {
        return progress;
    }

    /**
     * The prompt as submitted (docs/protocols.md §a.6, §g.23). With image prompts the open-source proxy puts the
     * uploaded images' CDN URLs in front of it.
     *
     * @return e.g. {@code "a red fox --ar 3:2"}; {@code null} when the server sent none (a describe or blend may
     *         have none)
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * The prompt actually sent to Midjourney, after the server's optional translation (docs/protocols.md §a.6).
     * CometAPI puts a finished describe's prompts here (§h.2.1).
     *
     * @return e.g. {@code "Cat"} for the prompt {@code "猫猫"}; {@code null} when the server sent none
     */
    @Override
    public String promptEn() {
        return promptEn;
    }

    /**
     * The server's pseudo-command text (docs/protocols.md §a.6): not a message, and not to be parsed. apimart puts
     * a finished describe's four numbered prompts here (§h.2.1).
     *
     * @return e.g. {@code "/imagine a cat"}, {@code "/up 1712345678901123 U2"} or {@code "/blend 1712345678901123 3"};
     *         {@code null} when the server sent none
     */
    @Override
    public String description() {
        return description;
    }

    /**
     * The {@code state} string the submit carried, echoed back unchanged (docs/protocols.md §a.4, §a.6): your own
     * data, such as an order id, for telling callbacks apart.
     *
     * @return e.g. {@code "order-42"}; {@code null} when the submit carried none or the server does not echo it
     */
    @Override
    public String state() {
        return state;
    }

    /**
     * The grid or image URL (docs/protocols.md §a.6, §g.19): while IN_PROGRESS a low-resolution preview (usually
     * {@code .webp}), on SUCCESS the result. Discord CDN links expire, so download promptly; gateway URLs may gain a
     * {@code ?rand=} that changes on every poll.
     *
     * @return an absolute http(s) URL, e.g. {@code "https://cdn.discordapp.com/attachments/…/grid.png"}; {@code null}
     *         before the first preview, or when the server sent none
     */
    @Override
    public String imageUrl() {
        return imageUrl;
    }

    /**
     * The four split images of a grid, when the server provides them (docs/protocols.md §b.6, §d, §e): the proxy
     * family's {@code imageUrls} (strings or {@code [{url}]}), apimart's and JourneyAPI's {@code image_urls}.
     *
     * @return an unmodifiable list of URLs in the server's order; never null, empty when the server sent none
     */
    @Override
    public List<String> imageUrls() {
        return imageUrls;
    }

    /**
     * The buttons of a finished task (docs/protocols.md §a.9, §g.10): click one with
     * {@link ActionRequest#of(Task, Button)}. They come late and change, so take them from the latest fetch.
     *
     * @return an unmodifiable list in the server's order; never null, empty before SUCCESS and on servers without
     *         buttons (the open-source proxy)
     */
    @Override
    public List<Button> buttons() {
        return buttons;
    }

    /**
     * Why a FAILURE task failed, as the server wrote it (docs/protocols.md §a.6, §g.5): show it, do not parse it.
     *
     * @return e.g. {@code "[Invalid parameter] Invalid value"} or {@code "任务超时"} (timeout); {@code null} when the
     *         task did not fail or the server gave no reason
     */
    @Override
    public String failReason() {
        return failReason;
    }

    /**
     * When the task was submitted (docs/protocols.md §a.6, §g.8), read from epoch milliseconds on the proxy family
     * ({@code submitTime}), seconds on apimart ({@code created}), and seconds or an ISO-8601 date-time on JourneyAPI
     * ({@code created_at}).
     *
     * @return the instant; {@code null} when the server sent none or 0
     */
    @Override
    public Instant submitTime() {
        return submitTime;
    }

    /**
     * When the job started running (docs/protocols.md §a.6, §g.8): on the proxy family, when the Discord
     * interaction was sent.
     *
     * @return the instant; {@code null} before it started, when the server sent 0, and on JourneyAPI
     */
    @Override
    public Instant startTime() {
        return startTime;
    }

    /**
     * When the task reached SUCCESS or FAILURE (docs/protocols.md §a.6, §g.8), read from epoch milliseconds on the
     * proxy family ({@code finishTime}), seconds on apimart ({@code completed}), and seconds or an ISO-8601
     * date-time on JourneyAPI ({@code completed_at}).
     *
     * @return the instant; {@code null} while the task runs or when the server sent none or 0
     */
    @Override
    public Instant finishTime() {
        return finishTime;
    }

    /**
     * The server's {@code properties} map (docs/protocols.md §a.8): {@code finalPrompt}, {@code messageHash},
     * {@code discordInstanceId} … ({@link #finalPrompt()}, {@link #messageHash()} and
     * {@link #discordInstanceId()} read them). Values are JSON-like Java objects: {@code String}, {@code Boolean},
     * numbers, {@code List}, {@code Map}, or {@code null}. The open-source proxy echoes the {@code notifyHook} URL
     * here, with any secret it holds.
     *
     * @return an unmodifiable map in the server's order; never null, empty when the server sent none
     */
    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    /**
     * Every other field of the task JSON that this record does not model (docs/protocols.md §b.6): {@code mode},
     * {@code parentId}, {@code seed}, JourneyAPI's {@code content} …, and {@link #RAW_PROGRESS}. Values are
     * JSON-like Java objects, as in {@link #properties()}.
     *
     * @return an unmodifiable map in the server's order; never null, empty when there is nothing else
     */
    @Override
    public Map<String, Object> extra() {
        return extra;
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
            return list.stream().filter(Objects::nonNull).map(String::valueOf).map(Task::unnumbered)
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
     * The clips of a finished video or video extend (docs/protocols.md §h.2.7), read from wherever the provider puts
     * them: the proxy family's {@code videoUrls} ({@code [{url, thumbnail}]} or plain strings), else its single
     * {@code videoUrl}; apimart's and JourneyAPI's {@code video_urls}, else {@code video_url}. Blank entries are
     * dropped; the order is the server's (clip 1 first, the numbering of {@link VideoExtendRequest#index()}).
     *
     * @return the clip URLs, usually four (fewer with a batch size of 1 or 2); an empty list for image tasks and
     *     unfinished videos; never null
     */
    public List<String> videoUrls() {
        for (String key : new String[] {"videoUrls", "video_urls"}) {
            List<String> urls = urlsOf(extra.get(key));
            if (!urls.isEmpty()) {
                return urls;
            }
        }
        for (String key : new String[] {"videoUrl", "video_url"}) {
            List<String> urls = urlsOf(extra.get(key));
            if (!urls.isEmpty()) {
                return urls;
            }
        }
        return List.of();
    }

    /** URLs from a string, a list of strings, or a list of {@code {url}} objects; blanks dropped. */
    private static List<String> urlsOf(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.strip());
        }
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> urls = new ArrayList<>(list.size());
        for (Object item : list) {
            Object url = item instanceof Map<?, ?> map ? map.get("url") : item;
            if (url instanceof String text && !text.isBlank()) {
                urls.add(text.strip());
            }
        }
        return List.copyOf(urls);
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
