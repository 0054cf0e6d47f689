package dev.xraytracing.lambda.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedHandler;
import org.junit.jupiter.api.Test;

/**
 * The packages of core and lambda-support together have no cycle: lambda-support sits above core, and inside it the
 * public handlers over {@code lambda.internal}.
 */
class NoPackageCyclesTest {

    @Test
    void coreAndLambdaSupportPackagesDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class),
                CompiledClasses.ofModuleOf(TracedHandler.class));

        System.out.println(graph.describe());

        assertThat(graph.cycles()).isEmpty();
    }
}
