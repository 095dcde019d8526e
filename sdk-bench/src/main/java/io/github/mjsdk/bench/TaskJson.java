package io.github.mjsdk.bench;

/**
 * Task JSON as a midjourney-proxy server answers {@code GET /mj/task/{id}/fetch} (docs/protocols.md §a.6, §a.8,
 * §a.9): a finished 2×2 grid with its nine buttons (U1–U4, 🔄, V1–V4), about 2 KB, and a running task.
 */
final class TaskJson {
    private static final String HASH = "85a4b4c1-8835-46c5-a15c-aea34fad1862";
    private static final String PROMPT =
            "a red fox in fresh snow, golden hour, shallow depth of field --ar 3:2 --v 6.1";
    private static final String CDN = "https://cdn.discordapp.com/attachments/1187654321098765432/1234567890123456789/";
    private static final String SUCCESS_TAIL = successTail();
    private static final String RUNNING_TAIL = runningTail();

    private TaskJson() {
    }

    /** A SUCCESS imagine grid with nine buttons. */
    static String success(String id) {
        return "{\"id\":\"" + id + SUCCESS_TAIL;
    }

    /** An IN_PROGRESS imagine at 45 % with a preview image and no buttons yet. */
    static String running(String id) {
        return "{\"id\":\"" + id + RUNNING_TAIL;
    }

    private static String successTail() {
        StringBuilder json = new StringBuilder(2048);
        json.append("\",\"action\":\"IMAGINE\",\"status\":\"SUCCESS\",");
        common(json);
        json.append("\"submitTime\":1712345678901,\"startTime\":1712345683120,\"finishTime\":1712345731544,")
                .append("\"progress\":\"100%\",\"imageUrl\":\"").append(CDN).append("mjuser_a_red_fox_in_fresh_snow_")
                .append(HASH).append(".png?ex=6620a1b2&is=660e2cb2")
                .append("&hm=5f3c9a7e21d04b6f8e9a0c1d2b3e4f5a6b7c8d9e0f1a2b3c\",")
                .append("\"failReason\":null,");
        properties(json);
        json.append(",\"buttons\":[");
        for (int i = 1; i <= 4; i++) {
            button(json, "MJ::JOB::upsample::" + i + "::" + HASH, "", "U" + i);
            json.append(',');
        }
        button(json, "MJ::JOB::reroll::0::" + HASH + "::SOLO", "\uD83D\uDD04", "");
        for (int i = 1; i <= 4; i++) {
            json.append(',');
            button(json, "MJ::JOB::variation::" + i + "::" + HASH, "", "V" + i);
        }
        return json.append("]}").toString();
    }

    private static String runningTail() {
        StringBuilder json = new StringBuilder(1024);
        json.append("\",\"action\":\"IMAGINE\",\"status\":\"IN_PROGRESS\",");
        common(json);
        json.append("\"submitTime\":1712345678901,\"startTime\":1712345683120,\"finishTime\":null,")
                .append("\"progress\":\"45%\",\"imageUrl\":\"").append(CDN).append("mjuser_a_red_fox_in_fresh_snow_")
                .append(HASH).append(".webp?ex=6620a1b2&is=660e2cb2&hm=1a2b3c4d5e6f\",\"failReason\":null,");
        properties(json);
        return json.append(",\"buttons\":[]}").toString();
    }

    private static void common(StringBuilder json) {
        json.append("\"prompt\":\"").append(PROMPT).append("\",\"promptEn\":\"").append(PROMPT)
                .append("\",\"description\":\"/imagine ").append(PROMPT).append("\",\"state\":\"order-42\",");
    }

    private static void properties(StringBuilder json) {
        json.append("\"properties\":{\"finalPrompt\":\"").append(PROMPT)
                .append("\",\"messageId\":\"1234567890123456789\",")
                .append("\"messageHash\":\"").append(HASH).append("\",\"discordInstanceId\":\"1187654321098765432\",")
                .append("\"flags\":0,\"nonce\":\"1712345678901000042\",\"notifyHook\":null}");
    }

    private static void button(StringBuilder json, String customId, String emoji, String label) {
        json.append("{\"customId\":\"").append(customId).append("\",\"emoji\":\"").append(emoji)
                .append("\",\"label\":\"").append(label).append("\",\"type\":2,\"style\":2}");
    }
}
