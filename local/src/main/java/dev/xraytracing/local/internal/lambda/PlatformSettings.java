package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the simulated services share: account, region, classpath, daemon, faults, how runtimes are run, and the
 * most execution environments one function gets at once.
 */
public record PlatformSettings(String region, String accountId, String classpath, List<LocalFunction> functions,
                               Map<String, Fault> faults, Duration extraLatency, boolean keepWarm,
                               int maxEnvironments, RuntimeLoop runtimeLoop, Path nativeLibrary, InetSocketAddress daemon,
                               Consumer<String> output) {

    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    public Fault faultOf(String functionName) {
        return faults.getOrDefault(functionName, Fault.NONE);
    }
}
