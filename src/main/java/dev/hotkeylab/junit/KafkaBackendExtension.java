package dev.hotkeylab.junit;

import dev.hotkeylab.broker.BackendChoice;
import dev.hotkeylab.broker.BackendKind;
import dev.hotkeylab.broker.EmbeddedKafka;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link KafkaTest}. The backend lives in the class's {@link ExtensionContext.Store}; nested
 * classes find it through the store's parent lookup instead of starting their own; the class that started it closes
 * it in {@link #afterAll}.
 */
public final class KafkaBackendExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBackendExtension.class);
    private static final String BACKEND = "backend";
    private static final String OWNER = "owner";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(BACKEND, KafkaBackend.class) != null) {
            return; // an enclosing class already owns one
        }
        KafkaTest settings = findSettings(context);
        KafkaBackend backend = open(settings);
        store.put(BACKEND, backend);
        store.put(OWNER, context.getUniqueId());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
            KafkaBackend backend = store.remove(BACKEND, KafkaBackend.class);
            store.remove(OWNER);
            if (backend != null) {
                backend.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaBackend.class || type == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        KafkaBackend backend = context.getStore(NAMESPACE).get(BACKEND, KafkaBackend.class);
        if (backend == null) {
            throw new ParameterResolutionException("no Kafka backend: is the test class annotated with @KafkaTest?");
        }
        Class<?> type = parameter.getParameter().getType();
        if (!type.isInstance(backend)) {
            throw new ParameterResolutionException("parameter " + parameter.getParameter() + " needs an "
                    + type.getSimpleName() + " but the backend is " + backend.kind().label()
                    + "; use @KafkaTest(backend = \"embedded\") or take a KafkaBackend");
        }
        return backend;
    }

    private static KafkaTest findSettings(ExtensionContext context) {
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = Optional.ofNullable(
                c.get().getEnclosingClass())) {
            Optional<KafkaTest> found = AnnotationSupport.findAnnotation(c.get(), KafkaTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("KafkaBackendExtension needs @KafkaTest on " + context.getDisplayName());
    }

    static KafkaBackend open(KafkaTest settings) {
        BackendChoice environment = BackendChoice.fromEnvironment(settings.brokers());
        Optional<BackendKind> forced = settings.backend().isBlank()
                ? environment.forced() : Optional.of(BackendKind.parse(settings.backend()));
        BackendChoice choice = new BackendChoice(environment.bootstrap(), forced, settings.brokers());
        Map<String, String> overrides = parse(settings.brokerProperties());
        if (!overrides.isEmpty()) {
            KafkaBackends.Selection selection = KafkaBackends.select(choice, KafkaBackends::dockerAvailable);
            if (selection.kind() != BackendKind.EMBEDDED) {
                throw new IllegalStateException("brokerProperties need the embedded backend but "
                        + selection.kind().label() + " was selected (" + selection.reason() + ")");
            }
            KafkaBackend backend = EmbeddedKafka.start(settings.brokers(), overrides);
            System.out.println("Kafka backend: " + backend + " (" + selection.reason() + ")");
            return backend;
        }
        return KafkaBackends.open(choice, new java.io.PrintWriter(System.out, true));
    }

    private static Map<String, String> parse(String[] properties) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : properties) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("broker property must be name=value but got '" + p + "'");
            }
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }
}
