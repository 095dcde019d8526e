package io.github.mjsdk.poll;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.task;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The client's poller on the wire: one list-by-condition for many due waits, chunks, gaps, fallback, listeners. */
class BatchedPollingWireTest extends MockServerTest {
    private static final String LIST = "/mj/task/list-by-condition";

    @Test
    void manyDueWaitsAreServedByOneListByConditionRequestCarryingEveryId() {
        TaskServer tasks = new TaskServer();
        List<String> ids = ids(5);
        ids.forEach(id -> tasks.answer(id, "task/imagine-success.json"));
        server.setDispatcher(tasks);
        List<CompletableFuture<Task>> waits = ids.stream().map(id -> client.poller().await(id)).toList();

        scheduler.advance(Duration.ofSeconds(4));

        for (int i = 0; i < ids.size(); i++) {
            Task done = valueOf(waits.get(i));
            assertThat(done.id()).isEqualTo(ids.get(i));
            assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        }
        RecordedRequest list = take();
        assertThat(list.getMethod()).isEqualTo("POST");
        assertThat(list.getUrl().encodedPath()).isEqualTo(LIST);
        assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(list.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(list)).isEqualTo(Fixtures.parse(idsJson(ids)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void batchesAreChunkedByPollBatchSizeAndALoneRemainderIsFetchedById() {
        newClient(builder -> builder.pollBatchSize(2));
        TaskServer tasks = new TaskServer();
        List<String> ids = ids(3);
        ids.forEach(id -> tasks.answer(id, "task/imagine-success.json"));
        server.setDispatcher(tasks);
        List<CompletableFuture<Task>> waits = ids.stream().map(id -> client.poller().await(id)).toList();

        scheduler.advance(Duration.ofSeconds(4));

        waits.forEach(wait -> assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS));
        List<RecordedRequest> requests = new ArrayList<>(List.of(take(), take()));
        requests.sort(Comparator.comparing(RecordedRequest::getMethod));
        assertThat(requests.get(0).getMethod()).isEqualTo("GET");
        assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo("/mj/task/" + ids.get(2) + "/fetch");
        assertThat(requests.get(1).getUrl().encodedPath()).isEqualTo(LIST);
        assertThat(body(requests.get(1))).isEqualTo(Fixtures.parse(idsJson(ids.subList(0, 2))));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anIdMissingFromTheListAnswerIsFetchedOnItsOwn() {
        TaskServer tasks = new TaskServer();
        List<String> ids = ids(3);
        ids.forEach(id -> tasks.answer(id, "task/imagine-success.json"));
        tasks.hideFromList(ids.get(1));
        server.setDispatcher(tasks);
        List<CompletableFuture<Task>> waits = ids.stream().map(id -> client.poller().await(id)).toList();

        scheduler.advance(Duration.ofSeconds(4));

        waits.forEach(wait -> assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS));
        assertThat(take().getUrl().encodedPath()).isEqualTo(LIST);
        RecordedRequest single = take();
        assertThat(single.getMethod()).isEqualTo("GET");
        assertThat(single.getUrl().encodedPath()).isEqualTo("/mj/task/" + ids.get(1) + "/fetch");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerWithoutListByConditionIsPolledIdByIdForTheRestOfTheClientsLife() {
        TaskServer tasks = new TaskServer();
        tasks.listAnswer = json(404, Fixtures.text("error/spring-404.json").replace("/mj/submit/action", LIST));
        List<String> ids = ids(3);
        ids.forEach(id -> tasks.answer(id, "task/imagine-in-progress.json", "task/imagine-success.json"));
        server.setDispatcher(tasks);
        List<CompletableFuture<Task>> waits = ids.stream().map(id -> client.poller().await(id)).toList();

        scheduler.advance(Duration.ofSeconds(4));
        awaitIdle();
        assertThat(tasks.paths()).containsExactlyInAnyOrder("POST " + LIST, "GET /mj/task/" + ids.get(0) + "/fetch",
                "GET /mj/task/" + ids.get(1) + "/fetch", "GET /mj/task/" + ids.get(2) + "/fetch");
        tasks.clear();

        scheduler.advance(Duration.ofSeconds(6));

        waits.forEach(wait -> assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS));
        assertThat(tasks.paths()).containsExactlyInAnyOrder("GET /mj/task/" + ids.get(0) + "/fetch",
                "GET /mj/task/" + ids.get(1) + "/fetch", "GET /mj/task/" + ids.get(2) + "/fetch");
    }

    @Test
    void imagineWithAListenerReportsEachChangeFromTheWaitsOwnPolls() {
        TaskServer tasks = new TaskServer();
        tasks.submitAnswer = ok("submit/accepted.json");
        tasks.answer(GRID_ID, "task/imagine-submitted.json", "task/imagine-in-progress.json",
                "task/imagine-in-progress.json", "task/imagine-success.json");
        server.setDispatcher(tasks);
        List<String> heard = new CopyOnWriteArrayList<>();

        CompletableFuture<Task> grid = client.imagine(ImagineRequest.of(PROMPT).withSpeed(Speed.FAST),
                task -> heard.add(task.status() + " " + task.progress()));
        drive(grid);

        assertThat(valueOf(grid).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(heard).containsExactly("SUBMITTED 0", "IN_PROGRESS 45", "SUCCESS 100");
        String fetch = "GET /mj/task/" + GRID_ID + "/fetch";
        assertThat(tasks.paths()).containsExactly("POST /mj-fast/mj/submit/imagine", fetch, fetch, fetch, fetch);
    }

    @Test
    void rerollWithAListenerReportsTheNewTasksChanges() {
        TaskServer tasks = new TaskServer();
        tasks.submitAnswer = ok("submit/reroll-accepted.json");
        tasks.answer(GRID_ID, "task/imagine-success.json");
        tasks.answer(REROLL_ID, "task/reroll-in-progress.json", "task/reroll-success.json");
        server.setDispatcher(tasks);
        List<String> heard = new CopyOnWriteArrayList<>();

        CompletableFuture<Task> fresh = client.reroll(RerollRequest.of(GRID_ID),
                task -> heard.add(task.id() + " " + task.status() + " " + task.progress()));
        drive(fresh);

        assertThat(valueOf(fresh).id()).isEqualTo(REROLL_ID);
        assertThat(heard).containsExactly(REROLL_ID + " IN_PROGRESS 30", REROLL_ID + " SUCCESS 100");
        assertThat(tasks.paths()).containsExactly("GET /mj/task/" + GRID_ID + "/fetch", "POST /mj/submit/action",
                "GET /mj/task/" + REROLL_ID + "/fetch", "GET /mj/task/" + REROLL_ID + "/fetch");
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("17123456789012" + (10 + i));
        }
        return ids;
    }

    private static String idsJson(List<String> ids) {
        return "{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    /**
     * Answers submits with {@link #submitAnswer}, fetches and lists from per-id fixture sequences (the last one
     * repeats; a list answer consumes one per id it carries), and records "METHOD path" of every request.
     */
    static final class TaskServer extends Dispatcher {
        private final Map<String, List<String>> fixtures = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        private final Set<String> hidden = ConcurrentHashMap.newKeySet();
        private final List<String> paths = new CopyOnWriteArrayList<>();
        volatile MockResponse submitAnswer = json(500, "{}");
        volatile MockResponse listAnswer;

        void answer(String id, String... fixtureNames) {
            fixtures.put(id, List.of(fixtureNames));
            served.put(id, new AtomicInteger());
        }

        void hideFromList(String id) {
            hidden.add(id);
        }

        List<String> paths() {
            return List.copyOf(paths);
        }

        void clear() {
            paths.clear();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            paths.add(request.getMethod() + " " + path);
            if (path.equals(LIST)) {
                if (listAnswer != null) {
                    return listAnswer;
                }
                List<String> items = new ArrayList<>();
                Set<String> asked = new HashSet<>();
                body(request).get("ids").forEach(id -> asked.add(id.asText()));
                for (String id : asked) {
                    if (!hidden.contains(id) && fixtures.containsKey(id)) {
                        items.add(next(id));
                    }
                }
                return json(200, "[" + String.join(",", items) + "]");
            }
            if (path.startsWith("/mj/task/") && path.endsWith("/fetch")) {
                String id = path.substring("/mj/task/".length(), path.length() - "/fetch".length());
                return fixtures.containsKey(id) ? json(200, next(id)) : json(200, "");
            }
            return submitAnswer;
        }

        private String next(String id) {
            List<String> names = fixtures.get(id);
            int index = Math.min(served.get(id).getAndIncrement(), names.size() - 1);
            return task(names.get(index), id);
        }
    }
}
