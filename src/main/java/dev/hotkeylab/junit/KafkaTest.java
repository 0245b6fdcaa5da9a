package dev.hotkeylab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a Kafka cluster: one backend is started before the class's first test (chosen by the same
 * rule as the CLI: external, container, embedded), handed to any test method or constructor parameter of type
 * {@link dev.hotkeylab.broker.KafkaBackend}, shared with {@code @Nested} classes, and closed after the class's last
 * test. Tagged {@value #TAG} so a quick run can leave such tests out ({@code mvn test -DexcludedGroups=broker}).
 *
 * <pre>{@code
 * @KafkaTest(brokers = 3)
 * class MyTest {
 *     @Test
 *     void roundTrip(KafkaBackend kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(KafkaTest.TAG)
@ExtendWith(KafkaBackendExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public @interface KafkaTest {

    /** The tag every broker test carries. */
    String TAG = "broker";

    /** Brokers in the cluster; more than one always means the embedded backend. */
    int brokers() default 1;

    /**
     * Forces a backend ({@code embedded}, {@code container}, {@code external}); empty follows the selection rule and
     * {@code hotkey.backend} / {@code HOTKEY_BACKEND}.
     */
    String backend() default "";

    /** Extra broker properties for the embedded backend, as {@code name=value}. */
    String[] brokerProperties() default {};
}
