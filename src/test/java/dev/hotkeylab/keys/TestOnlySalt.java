package dev.hotkeylab.keys;

/**
 * A strategy that exists only in the test sources, for the acceptance test of issue 13 ("a new strategy is one class
 * plus one declaration, nothing else"). An enum cannot gain a constant from the test sources, so this one implements
 * {@link StrategyType} and is registered in {@code src/test/resources/META-INF/services}; the report, the charts,
 * the claims and the what-if simulator find it by name through {@link Strategies} like the enum's constants.
 *
 * <p>Keys: the concert id plus {@code sequence mod P} ({@code concert_0, concert_1, ...}), a salt that ignores where
 * the partitioner puts the salted keys.
 */
public final class TestOnlySalt implements StrategyType {

    public static final String NAME = "TEST_ONLY_SALT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "concert id + \"_\" + (sequence mod P): a test-only strategy";
    }

    @Override
    public StrategyKind kind() {
        return StrategyKind.SALTED_KEY;
    }

    @Override
    public String colour() {
        return "#17BECF";
    }

    @Override
    public LoadModel loadModel() {
        return LoadModel.SEARCHED_SALT_ROUND_ROBIN;
    }

    @Override
    public KeyStrategy create(StrategyContext context) {
        return (concertId, userId, sequence) -> concertId + "_" + (sequence % context.partitions());
    }
}
