package dev.hotkeylab.cli;

import dev.hotkeylab.experiment.ExperimentConfig;
import dev.hotkeylab.experiment.ExperimentListener;
import dev.hotkeylab.experiment.ExperimentResult;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar per run (me.tongfei:progressbar): requests processed of the run's total, the rate, the ETA,
 * and how many were produced. Only when this process has a terminal ({@code System.console() != null}); otherwise it
 * does nothing, so logs and files stay clean. Closed (cleared from the screen) when the run finishes or fails.
 */
final class ProgressBars implements ExperimentListener, AutoCloseable {

    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;

    ProgressBars(PrintStream err) {
        this(err, System.console() != null);
    }

    ProgressBars(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void progress(ExperimentConfig config, long produced, long processed) {
        if (!terminal) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(config.strategy().name()).setInitialMax(config.messages())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setUnit(" req", 1).setMaxRenderedLength(150).clearDisplayOnFinish()
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build();
        }
        bar.stepTo(processed);
        bar.setExtraMessage(" produced " + produced);
    }

    @Override
    public void finished(ExperimentResult result) {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
