package dev.xraytracing.local.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.architecture.CompiledClasses;
import dev.xraytracing.architecture.PackageCycles;
import dev.xraytracing.faults.FaultInjection;
import dev.xraytracing.filter.FilterExpression;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the packages of local go one way, from the entry points ({@code LocalPlatform}, {@code LocalRun})
 * down to the value types of {@code local.app}; docs/architecture.md draws the graph this test prints. A cycle fails
 * here with the class references that close it.
 */
class NoPackageCyclesTest {

    @Test
    void localPackagesDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(LocalPlatform.class));
        System.out.println(graph.describe());

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void everyPublishedJarTogetherHasNoPackageCycle() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class),
                CompiledClasses.ofModuleOf(TracedHandler.class), CompiledClasses.ofModuleOf(TracingExtension.class),
                CompiledClasses.ofModuleOf(FilterExpression.class), CompiledClasses.ofModuleOf(FaultInjection.class),
                CompiledClasses.ofModuleOf(LocalPlatform.class));

        assertThat(graph.cycles()).isEmpty();
    }
}
