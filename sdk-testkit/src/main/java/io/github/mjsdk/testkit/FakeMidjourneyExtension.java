package io.github.mjsdk.testkit;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a {@link FakeMidjourneyServer} and a {@link MidjourneyClient} connected to it
 * before each test, and closes both after it. Test and {@code @BeforeEach} methods declare what they need as
 * parameters: {@link MidjourneyClient}, {@link FakeMidjourneyServer}, {@link VirtualTime} (virtual time only) and
 * {@link SimulatedClock} (not in real time). Constructor parameters are not supported (nothing is started yet).
 *
 * <pre>{@code
 * @ExtendWith(FakeMidjourneyExtension.class)              // virtual time: flows finish in milliseconds
 * class RenderServiceTest {
 *     @Test
 *     void makesAFreshGrid(MidjourneyClient client, FakeMidjourneyServer server) {
 *         Task grid = client.imagine("a red fox", Speed.RELAX).join();
 *         Task fresh = client.reroll(grid.id(), Speed.RELAX).join();
 *         assertThat(fresh.prompt()).isEqualTo("a red fox");
 *         assertThat(server.journal(Route.ACTION)).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * To configure the server, register an instance:
 * <pre>{@code
 * @RegisterExtension
 * FakeMidjourneyExtension mj = FakeMidjourneyExtension.virtualTime().configure(server -> server.remix(true));
 * }</pre>
 * {@code configure(server -> server.provider(Providers.apimart()))} runs the server in another dialect; the
 * injected client is preset for it.
 *
 * <p>Time modes:
 * <ul>
 *   <li>{@link #virtualTime()} (the default, and what {@code @ExtendWith} gives): server and client on a
 *       {@link VirtualTime}; waits complete as soon as the simulated job would, in real milliseconds.</li>
 *   <li>{@link #manualClock()}: the server on a {@link SimulatedClock} that only your test advances; the client
 *       keeps real time, so use it with {@code fetchTask}/{@code submit…} to assert each state.</li>
 *   <li>{@link #realTime()}: the system clock with short jobs (TURBO 50 ms, FAST 100 ms, RELAX 200 ms).</li>
 * </ul>
 * In virtual and manual modes the server's random seed is fixed, so ids and images repeat from run to run.
 *
 * <p><b>The injected client's deadline grows with the simulated job duration.</b> Its waits use
 * {@link FakeMidjourneyServer#newClientBuilder()}'s poll schedule, computed per speed tier from the server's
 * {@link FakeMidjourneyServer.Builder#duration(Speed, Duration) job duration} {@code d} of that tier: the first poll
 * and the interval are {@code d / 10} (at least 10 ms), and the deadline is {@code max(10 minutes, 60 × d)}. So
 * configuring a one-hour RELAX job gives RELAX waits a 60-hour deadline, not the SDK's own default; a test of
 * timeouts should pass its own {@link io.github.mjsdk.poll.PollOptions} to the wait (or build a client with
 * {@code server.newClientBuilder().pollOptions(..)}). The deadline is measured on the client's clock: virtual time in
 * {@link #virtualTime()} mode (a 10-minute deadline passes in milliseconds), but real time in {@link #manualClock()}
 * and {@link #realTime()} modes, where a wait on a task your test never lets finish blocks for the whole real
 * deadline. A bare {@code client.poller().await(id)} knows no tier: on the proxy dialects it uses the SDK's default
 * schedule ({@link io.github.mjsdk.poll.PollOptions#defaults()}, whatever the configured durations), on dialects with
 * a default tier that tier's schedule above.
 *
 * <p>{@link #server()}, {@link #client()} and the other accessors return the objects of the test that is running;
 * with tests running in parallel, use parameters instead.
 */
@SuppressWarnings("exports") // JUnit stays optional (requires static): whoever uses the extension has it
public final class FakeMidjourneyExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeMidjourneyExtension.class);
    private static final long FIXED_SEED = 20260101L;

    private enum Time { VIRTUAL, MANUAL, REAL }

    private final Time time;
    private final List<Consumer<FakeMidjourneyServer.Builder>> configuration;
    private volatile Fixture current;

    /** Virtual time and default server settings; the constructor {@code @ExtendWith} uses. */
    public FakeMidjourneyExtension() {
        this(Time.VIRTUAL, List.of());
    }

    private FakeMidjourneyExtension(Time time, List<Consumer<FakeMidjourneyServer.Builder>> configuration) {
        this.time = time;
        this.configuration = configuration;
    }

    /**
     * Server and client on {@link VirtualTime}.
     *
     * @return a new extension
     */
    public static FakeMidjourneyExtension virtualTime() {
        return new FakeMidjourneyExtension(Time.VIRTUAL, List.of());
    }

    /**
     * The server on a {@link SimulatedClock} the test advances; the client on real time.
     *
     * @return a new extension
     */
    public static FakeMidjourneyExtension manualClock() {
        return new FakeMidjourneyExtension(Time.MANUAL, List.of());
    }

    /**
     * Real time with short jobs: TURBO 50 ms, FAST 100 ms, RELAX 200 ms.
     *
     * @return a new extension
     */
    public static FakeMidjourneyExtension realTime() {
        return new FakeMidjourneyExtension(Time.REAL, List.of());
    }

    /**
     * An extension that also applies {@code settings} to each server's builder (after the time mode's own).
     *
     * @param settings e.g. {@code server -> server.remix(true).concurrency(1)}
     * @return a new extension
     * @throws IllegalArgumentException if {@code settings} is null
     */
    public FakeMidjourneyExtension configure(Consumer<FakeMidjourneyServer.Builder> settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        List<Consumer<FakeMidjourneyServer.Builder>> all = new ArrayList<>(configuration);
        all.add(settings);
        return new FakeMidjourneyExtension(time, List.copyOf(all));
    }

    /**
     * The server of the running test.
     *
     * @return the server
     * @throws IllegalStateException outside a test
     */
    public FakeMidjourneyServer server() {
        return running().server();
    }

    /**
     * The client of the running test.
     *
     * @return the client
     * @throws IllegalStateException outside a test
     */
    public MidjourneyClient client() {
        return running().client();
    }

    /**
     * The virtual time of the running test.
     *
     * @return the virtual time
     * @throws IllegalStateException outside a test, or when the extension does not use virtual time
     */
    public VirtualTime time() {
        VirtualTime virtual = running().time();
        if (virtual == null) {
            throw new IllegalStateException("this extension does not use virtual time");
        }
        return virtual;
    }

    /**
     * The simulated clock of the running test.
     *
     * @return the clock
     * @throws IllegalStateException outside a test, or in real time
     */
    public SimulatedClock clock() {
        SimulatedClock clock = running().clock();
        if (clock == null) {
            throw new IllegalStateException("this extension runs on real time");
        }
        return clock;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Fixture fixture = start();
        context.getStore(NAMESPACE).put(Fixture.class, fixture);
        current = fixture;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).remove(Fixture.class, Fixture.class);
        if (fixture != null) {
            if (current == fixture) {
                current = null;
            }
            fixture.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == VirtualTime.class) {
            return time == Time.VIRTUAL;
        }
        if (type == SimulatedClock.class) {
            return time != Time.REAL;
        }
        return Set.of(FakeMidjourneyServer.class, MidjourneyClient.class).contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = context.getStore(NAMESPACE).get(Fixture.class, Fixture.class);
        if (fixture == null) {
            throw new ParameterResolutionException("FakeMidjourneyExtension starts its server before each test:"
                    + " inject it into test or @BeforeEach methods, not constructors or @BeforeAll methods");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeMidjourneyServer.class) {
            return fixture.server();
        }
        if (type == MidjourneyClient.class) {
            return fixture.client();
        }
        if (type == VirtualTime.class) {
            return fixture.time();
        }
        return fixture.clock();
    }

    private Fixture running() {
        Fixture fixture = current;
        if (fixture == null) {
            throw new IllegalStateException("no test is running with this FakeMidjourneyExtension");
        }
        return fixture;
    }

    private Fixture start() {
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder();
        VirtualTime virtual = null;
        SimulatedClock clock = null;
        switch (time) {
            case VIRTUAL:
                virtual = VirtualTime.create();
                clock = virtual.clock();
                builder.virtualTime(virtual).randomSeed(FIXED_SEED);
                break;
            case MANUAL:
                clock = new SimulatedClock();
                builder.clock(clock).randomSeed(FIXED_SEED);
                break;
            default:
                builder.duration(Speed.TURBO, Duration.ofMillis(50))
                        .duration(Speed.FAST, Duration.ofMillis(100))
                        .duration(Speed.RELAX, Duration.ofMillis(200));
                break;
        }
        configuration.forEach(settings -> settings.accept(builder));
        FakeMidjourneyServer server = builder.start();
        return new Fixture(virtual, clock, server, server.newClient());
    }

    /** What one test gets; closed after it, client first. */
    private record Fixture(VirtualTime time, SimulatedClock clock, FakeMidjourneyServer server,
                           MidjourneyClient client) {
        void close() {
            client.close();
            server.close();
            if (time != null) {
                time.close();
            }
        }
    }
}
