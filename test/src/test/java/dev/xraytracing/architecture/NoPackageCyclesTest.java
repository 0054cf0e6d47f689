package dev.xraytracing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.filter.FilterExpression;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the packages of core go one way: public API over internal, {@code sdk} and {@code status}
 * over {@code internal}, nothing low calling up. A cycle fails here with the class references that close it. The
 * helpers come from xray-tracing-test-support; local's own test covers local and faults.
 */
class NoPackageCyclesTest {

    @Test
    void corePackagesDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class));
        System.out.println(graph.describe());

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void coreLambdaSupportFilterAndTheTestKitDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class),
                CompiledClasses.ofModuleOf(TracedHandler.class), CompiledClasses.ofModuleOf(FilterExpression.class),
                CompiledClasses.ofModuleOf(TracingExtension.class));

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void theOpenTelemetryBackendAndCoreDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class),
                CompiledClasses.ofModuleOf(dev.xraytracing.otel.OpenTelemetryExport.class));
        System.out.println(graph.describe());

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        CompiledClasses fake = CompiledClasses.ofModuleOf(Tracing.class);
        fake.references.put("dev.xraytracing.internal.Low", java.util.Set.of("dev.xraytracing.Tracing"));
        fake.references.put("dev.xraytracing.Tracing", java.util.Set.of("dev.xraytracing.internal.Low"));

        assertThat(new PackageCycles(fake).cycles()).singleElement().asString()
                .startsWith("dev.xraytracing <-> ")
                .contains("dev.xraytracing.internal.Low -> dev.xraytracing.Tracing");
    }
}
