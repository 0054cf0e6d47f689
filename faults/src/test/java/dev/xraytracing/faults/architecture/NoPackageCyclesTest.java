package dev.xraytracing.faults.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.architecture.CompiledClasses;
import dev.xraytracing.architecture.PackageCycles;
import dev.xraytracing.faults.FaultInjection;
import org.junit.jupiter.api.Test;

/** The faults jar's packages and core's depend on each other in one direction only, as every published jar's do. */
class NoPackageCyclesTest {
    @Test
    void theFaultsModuleAndCoreDependOnEachOtherInOneDirectionOnly() {
        PackageCycles graph = new PackageCycles(CompiledClasses.ofModuleOf(Tracing.class),
                CompiledClasses.ofModuleOf(FaultInjection.class));

        assertThat(graph.cycles()).as(graph.describe()).isEmpty();
    }
}
