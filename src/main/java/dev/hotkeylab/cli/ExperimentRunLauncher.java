package dev.hotkeylab.cli;

import dev.hotkeylab.dashboard.RunLauncher;
import dev.hotkeylab.dashboard.RunPublisher;
import dev.hotkeylab.dashboard.RunRequest;
import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentRunner;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the experiments asked for from the dashboard's form with the real {@link ExperimentRunner}, one at a time (a
 * second request while one runs is refused: on 2 cores two runs would measure each other).
 */
final class ExperimentRunLauncher implements RunLauncher, AutoCloseable {

    private final ExperimentRunner runner;
    private final Map<String, Object> clientConfig;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-run");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();

    ExperimentRunLauncher(ExperimentRunner runner, Map<String, Object> clientConfig) {
        this.runner = runner;
        this.clientConfig = clientConfig;
    }

    /** Hold new runs while the main job runs its own. */
    boolean tryAcquire() {
        return busy.compareAndSet(false, true);
    }

    void release() {
        busy.set(false);
    }

    @Override
    public String launch(RunRequest request, RunPublisher publisher) {
        ExperimentConfig config = ExperimentConfig.builder().strategy(request.strategy()).key(request.key())
                .partitions(request.partitions()).messages(request.messages()).consumers(request.consumers())
                .serviceTimeMillis(request.serviceTimeMs()).seed(request.seed()).build();
        if (!tryAcquire()) {
            throw new IllegalStateException("a run is in progress; start the next one when it has finished");
        }
        DashboardRun run = new DashboardRun(publisher, request.strategy() + " / " + request.consumers()
                + " consumers", clientConfig);
        executor.submit(() -> {
            try {
                runner.run(config, run);
            } catch (RuntimeException e) {
                run.failed(e);
            } finally {
                release();
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
