package dev.hotkeylab.experiment;

/** The phases of one experiment run, in order; a lost cluster or a passed deadline is reported with the phase. */
public enum RunPhase {
    CREATING("creating the topic"),
    SETTLING("settling the consumer group"),
    PRODUCING("producing"),
    CONSUMING("consuming"),
    READING_OFFSETS("reading the end offsets");

    private final String text;

    RunPhase(String text) {
        this.text = text;
    }

    /** The phase in words, e.g. "settling the consumer group". */
    public String text() {
        return text;
    }
}
