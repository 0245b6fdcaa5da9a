package dev.hotkeylab.keys.adaptive;

/**
 * A key started or stopped being spread. Kept by {@link HotKeyRouter} so a run can say when the hot key was caught.
 *
 * @param key         the detector's key (the record key as a String)
 * @param kind        {@link Kind#SPREAD} when it was first found hot, {@link Kind#HOME} when it went back home
 * @param atMillis    the router's clock at that moment
 * @param observation how many keyed records the router had seen, this one included (1-based)
 */
public record HotKeyEvent(String key, Kind kind, long atMillis, long observation) {

    /** What happened to the key. */
    public enum Kind { SPREAD, HOME }
}
