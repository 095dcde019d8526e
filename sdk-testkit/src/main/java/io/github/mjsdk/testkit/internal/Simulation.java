package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated account: every task, the job slots, the uploaded images and the random source, behind one lock
 * (this object's monitor). Routes that read and then change state hold it across both ({@code synchronized
 * (simulation)}); every method here takes it too.
 */
final class Simulation {
    private final Clock clock;
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();

    /** How many tasks were created, for the simulated account balance. */
    synchronized int taskCount() {
        return tasks.size();
    }
    private final Map<String, Attachment> attachments = new HashMap<>();
    private final Set<SimTask> hooked = new LinkedHashSet<>();
    private final Map<Speed, Slots> slots = new EnumMap<>(Speed.class);
    private final Ids ids;
    private final String instanceId;
    private final Dialect dialect;
    private Instant last = Instant.MIN;

    /**
     * An image uploaded with an imagine's {@code base64Array}.
     *
     * @param contentType its media type, e.g. {@code image/png}
     * @param bytes       its bytes
     */
    record Attachment(String contentType, byte[] bytes) {
    }

    Simulation(ServerConfig config) {
        this.clock = config.clock();
        for (Speed speed : Speed.values()) {
            TierLimits limits = config.limits(speed);
            slots.put(speed, new Slots(limits.jobsAtOnce(), limits.queueLength()));
        }
        this.ids = new Ids(config.randomSeed());
        this.instanceId = ids.snowflake();
        this.dialect = config.dialect();
    }

    /** The Discord channel id every task reports as {@code discordInstanceId}. */
    String instanceId() {
        return instanceId;
    }

    /** Now on the server's clock, never earlier than a previous answer; job slots are brought up to it. */
    synchronized Instant now() {
        Instant time = clock.instant();
        if (time.isBefore(last)) {
            time = last;
        }
        last = time;
        for (Slots tier : slots.values()) {
            tier.advanceTo(time);
        }
        return time;
    }

    synchronized SimTask find(String id) {
        return id == null ? null : tasks.get(id);
    }

    /**
     * A new task with a fresh id in the dialect's form (16 digits, {@code task_<ULID>} or a UUID), image hash and
     * seed; not stored until {@link #store}.
     */
    synchronized SimTask create(Instant now) {
        String id;
        switch (dialect) {
            case APIMART:
                id = ids.apimartTaskId(now, tasks::containsKey);
                break;
            case JOURNEY:
                do {
                    id = ids.hash();
                } while (tasks.containsKey(id));
                break;
            default:
                id = ids.taskId(now, tasks::containsKey);
                break;
        }
        SimTask task = new SimTask(id, now);
        task.hash = ids.hash();
        task.seed = ids.seed();
        return task;
    }

    /** Makes the task visible; one with a notify hook is followed by the notifier. */
    synchronized void store(SimTask task) {
        tasks.put(task.id, task);
        if (task.notifyHook != null && !hooked.contains(task)) {
            task.notifiedUpTo = task.submitTime;
            hooked.add(task);
        }
    }

    /**
     * Gives the task a job slot or a place in the queue of its tier (see {@link Slots#admit}; no tier counts as
     * FAST); a refused task is forgotten.
     */
    synchronized int admit(SimTask task, Instant now) {
        task.modal = false;
        int place = slots.get(task.mode == null ? Speed.FAST : task.mode).admit(task, now);
        if (place == Slots.REFUSED) {
            tasks.remove(task.id);
            hooked.remove(task);
        }
        return place;
    }

    /** Every stored task, in the order they were first stored. */
    synchronized List<SimTask> tasks() {
        return new ArrayList<>(tasks.values());
    }

    synchronized List<SimTask> hooked() {
        return new ArrayList<>(hooked);
    }

    synchronized void unhook(SimTask task) {
        hooked.remove(task);
    }

    synchronized void attach(String name, Attachment attachment) {
        attachments.put(name, attachment);
    }

    synchronized Attachment attachment(String name) {
        return attachments.get(name);
    }
}
