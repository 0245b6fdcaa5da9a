package dev.hotkeylab.findings;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Display names for tests that do not carry {@link DisplayName}, configured for the whole suite in
 * {@code junit-platform.properties}: a class's name as words without the {@code Test} suffix
 * ({@code KafkaBackendExtensionTest} -> "Kafka backend extension"), a nested class under its enclosing class's name
 * ("Kafka backend extension › nested tests"), a method's name as words. Maven Surefire's console tree and XML take a
 * class's name only from {@code @DisplayName}, so top-level classes carry one as well; this generator names the rest
 * (methods, nested classes) and everything on the findings page.
 */
public final class ReadableNames extends DisplayNameGenerator.Standard {

    static final String SEPARATOR = " › ";

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return sentence(testClass.getSimpleName().replaceFirst("(Tests?|TestCase)$", ""), true);
    }

    @Override
    public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> nestedClass) {
        Class<?> enclosing = nestedClass.getEnclosingClass();
        String parent = enclosing == null ? ""
                : AnnotationSupport.findAnnotation(enclosing, DisplayName.class).map(DisplayName::value)
                        .orElseGet(() -> enclosing.isAnnotationPresent(org.junit.jupiter.api.Nested.class)
                                ? generateDisplayNameForNestedClass(List.of(), enclosing)
                                : generateDisplayNameForClass(enclosing));
        String own = sentence(nestedClass.getSimpleName().replaceFirst("(Tests?)$", ""), true);
        return parent.isEmpty() ? own : parent + SEPARATOR + own;
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        // Parameters (a KafkaBackend, a TestReporter, a parameterized test's arguments) are left out: the invocations
        // of a parameterized test carry their own names, and the suite has no overloaded test methods.
        return sentence(testMethod.getName(), true);
    }

    /**
     * {@code camelCaseName} as words: {@code resolvesTheSameBackend} -> "Resolves the same backend". Runs of capitals
     * stay one word ({@code HTMLKey} -> "HTML key"), digits stay with their word.
     */
    static String sentence(String camel, boolean capitalise) {
        String spaced = camel.replace('_', ' ')
                .replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
                .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
                .strip();
        StringBuilder out = new StringBuilder();
        for (String word : spaced.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean acronym = word.length() > 1 && word.chars().filter(Character::isLetter)
                    .allMatch(Character::isUpperCase);
            String w = acronym ? word : word.toLowerCase(Locale.ROOT);
            if (out.length() == 0 && capitalise && !acronym) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            out.append(out.length() == 0 ? "" : " ").append(w);
        }
        return out.toString();
    }
}
