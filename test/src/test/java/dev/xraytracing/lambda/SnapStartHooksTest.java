package dev.xraytracing.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.internal.FastIdGenerator;
import com.amazonaws.xray.internal.SecureIdGenerator;
import dev.xraytracing.Tracer;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.internal.InvocationTracer;
import dev.xraytracing.lambda.internal.SnapStartHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapStartHooksTest {

    private static TracerCore snapStartTracer(String initializationType) {
        Tracer tracer = Tracer.builder()
                .environment(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType,
                        "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"))
                .documents(document -> { })
                .build();
        try (Tracer.Scope scope = tracer.makeCurrent()) {
            InvocationTracer.prepare();
            return TracerCore.current();
        }
    }

    @Test
    void aSnapStartInitRegistersHooksAndAnOnDemandInitDoesNot() {
        assertThat(SnapStartHooks.of(snapStartTracer("snap-start"))).isNotNull();
        assertThat(SnapStartHooks.of(snapStartTracer("on-demand"))).isNull();
    }

    @Test
    void idsTakenAfterARestoreComeFromTheKernelsEntropyNotFromSnapshottedState() {
        TracerCore core = snapStartTracer("snap-start");
        SnapStartHooks hooks = SnapStartHooks.of(core);

        hooks.beforeCheckpoint(null);
        assertThat(core.recorder().getIdGenerator()).isInstanceOf(FastIdGenerator.class);
        hooks.afterRestore(null);

        assertThat(core.recorder().getIdGenerator()).isInstanceOf(SecureIdGenerator.class);
    }

    @Test
    void aRecorderFirstBuiltAfterTheRestoreAlsoTakesSecureIds() {
        TracerCore core = snapStartTracer("snap-start");

        SnapStartHooks.of(core).afterRestore(null);

        assertThat(core.recorder().getIdGenerator()).isInstanceOf(SecureIdGenerator.class);
    }

    @Test
    void twoRestoredEnvironmentsNeverShareAnId() {
        List<String> ids = new ArrayList<>();
        for (int restore = 0; restore < 2; restore++) {
            TracerCore core = snapStartTracer("snap-start");
            SnapStartHooks hooks = SnapStartHooks.of(core);
            hooks.beforeCheckpoint(null);
            hooks.afterRestore(null);
            for (int i = 0; i < 1000; i++) {
                ids.add(core.recorder().getIdGenerator().newEntityId());
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void warningsLoggedBeforeTheSnapshotAreLoggedAgainInARestoredEnvironment() {
        TracerCore core = snapStartTracer("snap-start");
        assertThat(core.warnings().warn("test:snap", "once")).isTrue();
        assertThat(core.warnings().warn("test:snap", "once")).isFalse();

        SnapStartHooks.of(core).afterRestore(null);

        assertThat(core.warnings().warn("test:snap", "once")).isTrue();
    }
}
