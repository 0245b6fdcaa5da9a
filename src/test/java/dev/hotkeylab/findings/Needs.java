package dev.hotkeylab.findings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A test needs a tool from the machine. {@code value} says, when asked, why the tool is missing (null when it is
 * there). Locally a missing tool disables the test before it starts, so the console's tree shows the reason next to
 * the skip mark and the findings page lists it; on CI ({@code CI=true}) the test runs anyway and fails where the tool
 * is missing ({@link RequiredTool}), because there a missing tool is a broken setup.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Needs.Condition.class)
public @interface Needs {

    /** Says why the tool is missing, or null; needs a no-argument constructor. */
    Class<? extends Supplier<String>> value();

    /** Disables the test with the reason, except on CI. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, Needs.class))
                    .map(needs -> {
                        String why = ReflectionSupport.newInstance(needs.value()).get();
                        if (why == null) {
                            return ConditionEvaluationResult.enabled("the tools it needs are installed");
                        }
                        return RequiredTool.onCi()
                                ? ConditionEvaluationResult.enabled("CI=true, so a missing tool fails it: " + why)
                                : ConditionEvaluationResult.disabled(why);
                    })
                    .orElse(ConditionEvaluationResult.enabled("no @Needs"));
        }
    }
}
