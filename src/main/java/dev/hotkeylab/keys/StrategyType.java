package dev.hotkeylab.keys;

/**
 * What a key strategy declares about itself, so that no other class keeps a list of strategies: its kind (for the
 * claims), its colour (charts and the dashboard), its what-if load model and how it makes keys. {@link Strategy}'s
 * constants are the strategies the commands offer; the report, the charts and the what-if simulator read a strategy
 * only through this interface, found by name with {@link Strategies#find}.
 *
 * <p>Why an interface beside the enum: an enum cannot gain a constant from the test sources, yet the acceptance test
 * of issue 13 adds a strategy there to show that nothing else has to change. That test strategy implements this
 * interface and is registered as a {@link java.util.ServiceLoader} provider in the test resources; a strategy of the
 * product is one class plus one {@link Strategy} constant and needs no registration.
 */
public interface StrategyType {

    /** The name results, reports and command lines use, e.g. {@code ENTITY_SALT}. */
    String name();

    /** One line on what the strategy does to the key. */
    String description();

    StrategyKind kind();

    /** Its colour in the report's charts and on the dashboard, as {@code #RRGGBB}; distinct per strategy. */
    String colour();

    /** How {@code whatif} predicts its load without a broker. */
    LoadModel loadModel();

    /** A fresh key strategy for one run. */
    KeyStrategy create(StrategyContext context);
}
