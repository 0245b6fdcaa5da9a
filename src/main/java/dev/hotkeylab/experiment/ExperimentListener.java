package dev.hotkeylab.experiment;

/** Hears how a run goes, e.g. the dashboard or a progress line. Called from the runner's thread. */
public interface ExperimentListener {

    ExperimentListener NONE = new ExperimentListener() { };

    /** A phase of the run begins (called before its first client call). */
    default void phase(ExperimentConfig config, RunPhase phase) {
    }

    /** The topic and group exist and the group's assignment has settled; producing starts now. */
    default void started(ExperimentConfig config, String topic, String group) {
    }

    /** Roughly every 250 ms while producing and consuming. */
    default void progress(ExperimentConfig config, long produced, long processed) {
    }

    default void finished(ExperimentResult result) {
    }

    /** Both listeners, this one first. */
    default ExperimentListener and(ExperimentListener other) {
        ExperimentListener first = this;
        return new ExperimentListener() {
            @Override
            public void phase(ExperimentConfig config, RunPhase phase) {
                first.phase(config, phase);
                other.phase(config, phase);
            }

            @Override
            public void started(ExperimentConfig config, String topic, String group) {
                first.started(config, topic, group);
                other.started(config, topic, group);
            }

            @Override
            public void progress(ExperimentConfig config, long produced, long processed) {
                first.progress(config, produced, processed);
                other.progress(config, produced, processed);
            }

            @Override
            public void finished(ExperimentResult result) {
                first.finished(result);
                other.finished(result);
            }
        };
    }
}
