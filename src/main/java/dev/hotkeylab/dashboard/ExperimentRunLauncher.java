package dev.hotkeylab.dashboard;

import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.experiment.GroupType;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the experiments asked for from the dashboard's form with the real {@link ExperimentRunner} (the same engine as
 * {@code ./hotkey-lab run}), each on its own topic and group. While the main job measures its own runs the form is
 * held (HTTP 503), so a click cannot skew the numbers the report publishes.
 */
public final class ExperimentRunLauncher implements RunLauncher, AutoCloseable {

    private final ExperimentRunner runner;
    private final Map<String, Object> clientConfig;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dashboard-run");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean held = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();

    /**
     * Runs the form may have in progress at once. Each run holds its consumers, a producer and an Admin client (about
     * 60 threads with their buffers); 40 unchecked POSTs once peaked at 2,679 threads and 2.3 GB.
     */
    public static final int MAX_CONCURRENT_RUNS = 3;

    /**
     * @param runner       the runner of this process (its topics are kept, so the page can show a finished run)
     * @param clientConfig how the page's watcher reaches the runner's cluster
     */
    public ExperimentRunLauncher(ExperimentRunner runner, Map<String, Object> clientConfig) {
        this.runner = runner;
        this.clientConfig = clientConfig;
    }

    /** Holds the form while the main job runs its own experiments; false if already held. */
    public boolean hold() {
        return held.compareAndSet(false, true);
    }

    public void release() {
        held.set(false);
    }

    @Override
    public String launch(RunRequest request, RunPublisher publisher) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(request.strategy()).key(request.key())
                .partitions(request.partitions()).messages(request.messages()).consumers(request.consumers())
                .serviceTimeMillis(request.serviceTimeMs()).seed(request.seed()).build();
        if (held.get()) {
            throw new IllegalStateException("the main job's runs are in progress; start yours when they have finished");
        }
        int now = running.incrementAndGet();
        if (now > MAX_CONCURRENT_RUNS) {
            running.decrementAndGet();
            throw new TooManyRunsException(now - 1, MAX_CONCURRENT_RUNS);
        }
        boolean share = request.groupType() == GroupType.SHARE;
        DashboardRun run = new DashboardRun(publisher, request.strategy() + " / " + request.consumers()
                + (share ? " share members" : " consumers"), clientConfig, request.groupType());
        ExperimentRunner typed = runner.with(o -> o.withGroupType(request.groupType()));
        executor.submit(() -> {
            try {
                typed.run(config, run);
            } catch (RuntimeException e) {
                run.failed(e);
            } finally {
                running.decrementAndGet();
            }
        });
        try {
            return run.runId().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the run's consumer group did not settle within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Runs started from the form that have not finished yet. */
    int running() {
        return running.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
