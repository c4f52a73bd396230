package fr.santegraph;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the {@link NeedsSharedData} tests, naming the folder looked for, when {@code ../shared} is absent. */
public class SharedDataCondition implements ExecutionCondition {

    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (SharedData.available()) {
            return ConditionEvaluationResult.enabled("shared data at " + SharedData.location());
        }
        String reason = SharedData.location() + "/data is absent: the tests that read ../shared are skipped "
                + "(CI runs them beside it; -Dsantegraph.shared-dir=<folder> points elsewhere)";
        if (SAID.compareAndSet(false, true)) {
            System.out.println("[shared group] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
