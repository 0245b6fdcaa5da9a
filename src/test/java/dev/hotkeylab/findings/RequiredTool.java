package dev.hotkeylab.findings;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * A tool a test needs from the machine (a browser, kcat, node with KafkaJS, Docker). Where it is missing, the test is
 * skipped with the reason on a developer's machine, but fails on CI (environment variable {@code CI=true}, which GitHub
 * Actions and most CI systems set): there the workflow installs every tool, so a missing one is a broken setup, not a
 * reason to report fewer findings.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** True on a CI machine ({@code CI=true}). */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (locally) or fails it (on CI) when {@code whyMissing} is non-null.
     *
     * @param whyMissing null when the tool is there, else one line naming the tool and how to install it
     */
    public static void require(String whyMissing) {
        if (whyMissing == null) {
            return;
        }
        if (onCi()) {
            throw new AssertionFailedError("CI=true but " + whyMissing
                    + " (CI installs every tool the tests need; see .github/workflows/ci.yml and .ci/run)");
        }
        Assumptions.abort(whyMissing);
    }
}
