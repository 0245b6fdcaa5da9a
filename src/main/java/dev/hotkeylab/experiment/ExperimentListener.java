package dev.hotkeylab.experiment;

/** Hears how a run goes, e.g. the dashboard or a progress line. Called from the runner's thread. */
public interface ExperimentListener {

    ExperimentListener NONE = new ExperimentListener() { };

    /** The topic and group exist and the group's assignment has settled; producing starts now. */
    default void started(ExperimentConfig config, String topic, String group) {
    }

    /** Roughly every 250 ms while consuming. */
    default void progress(ExperimentConfig config, long produced, long processed) {
    }

    default void finished(ExperimentResult result) {
    }
}
