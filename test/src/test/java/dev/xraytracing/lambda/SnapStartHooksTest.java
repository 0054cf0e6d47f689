package dev.xraytracing.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.internal.FastIdGenerator;
import com.amazonaws.xray.internal.SecureIdGenerator;
import dev.xraytracing.Tracer;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.internal.InvocationTracer;
import dev.xraytracing.lambda.internal.SnapStartHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

class SnapStartHooksTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{16})\"");

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

    /** The ids Lambda invocations really get: those of our lean subsegments under the function segment. */
    @Test
    void subsegmentsOfTwoRestoredEnvironmentsNeverShareAnId() {
        List<String> ids = new ArrayList<>();
        for (int restore = 0; restore < 2; restore++) {
            List<String> documents = new ArrayList<>();
            Tracer tracer = Tracer.builder()
                    .environment(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                            "AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"))
                    .documents(documents::add)
                    .build();
            try (Tracer.Scope scope = tracer.makeCurrent()) {
                InvocationTracer.prepare();
                SnapStartHooks hooks = SnapStartHooks.of(TracerCore.current());
                hooks.beforeCheckpoint(null);
                hooks.afterRestore(null);
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
                try {
                    for (int i = 0; i < 500; i++) {
                        Tracing.run("Step", step -> { });
                    }
                } finally {
                    SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
                }
            }
            for (String document : documents) {
                Matcher id = ID.matcher(document);
                assertThat(id.find()).isTrue();
                ids.add(id.group(1));
            }
        }
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
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
