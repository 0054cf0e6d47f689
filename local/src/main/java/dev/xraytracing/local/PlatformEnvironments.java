package dev.xraytracing.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.explore.FaultExplorer;
import dev.xraytracing.local.internal.explore.FaultPoint;
import dev.xraytracing.local.internal.explore.Hypothesis;
import dev.xraytracing.local.internal.explore.Injection;
import dev.xraytracing.local.ExplorationEntry;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fresh local platforms for the exploration: before each start, every function gets a rules file of its own holding
 * its injections (each scoped as the explorer says), or a switched-off one; the Lambda service's faults go to the
 * platform. A run waits until the app is quiet (an asynchronous app's messages handled or dead-lettered) before its
 * documents and dead letters are read.
 */
final class PlatformEnvironments implements FaultExplorer.Environments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_RULES = "{\"enabled\": false, \"rules\": []}";
    /** Long enough for a message to use up its receives and reach a dead-letter queue. */
    private static final Duration QUIET = Duration.ofMinutes(3);

    private final Supplier<LocalPlatform.Builder> platforms;
    private final List<LocalFunction> functions;
    private final ExplorationEntry entry;
    private final long seed;
    private final Path rules;
    private final Consumer<String> output;

    /** {@code functions} are those with the faults module ({@code FaultsModule.prepare}); {@code platforms} their platform. */
    PlatformEnvironments(Supplier<LocalPlatform.Builder> platforms, List<LocalFunction> functions, ExplorationEntry entry,
                         long seed, Consumer<String> output) {
        this.output = output;
        this.platforms = platforms;
        this.functions = List.copyOf(functions);
        this.entry = entry;
        this.seed = seed;
        try {
            this.rules = Files.createTempDirectory("xray-tracing-explore-");
            rules.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new LocalRunException("cannot make a folder for the exploration's rules: " + e.getMessage());
        }
    }

    @Override
    public FaultExplorer.Environment start(List<Injection> injections, Function<FaultPoint, String> scope) {
        for (LocalFunction function : functions) {
            ArrayNode own = JSON.createArrayNode();
            injections.stream().filter(i -> i.rule() != null && i.point().function().equals(function.name()))
                    .forEach(i -> own.add(i.ruleJson(i.point().target() + " " + i.failure(), scope.apply(i.point()))));
            Path file = rules.resolve(function.name() + ".json");
            try {
                Files.writeString(file, own.isEmpty() ? NO_RULES : own.toPrettyString());
            } catch (IOException e) {
                throw new LocalRunException("cannot write the exploration's rules to " + file + ": " + e.getMessage());
            }
            file.toFile().deleteOnExit();
            FaultsModule.applyRules(function, file, Long.toString(seed));
        }
        LocalPlatform.Builder builder = platforms.get();
        injections.stream().filter(i -> i.platformFault() != null)
                .forEach(i -> builder.fault(i.point().function(), i.platformFault()));
        LocalPlatform platform = builder.start();
        Map<String, Integer> deadLettersBefore = platform.deadLetters();
        return new FaultExplorer.Environment() {
            @Override
            public FaultExplorer.Answer send(String traceHeader) {
                LocalPlatform.ApiResponse response = entry.send(platform, traceHeader);
                return new FaultExplorer.Answer(response.status(), response.body());
            }

            @Override
            public List<String> awaitDocuments() {
                if (!platform.awaitQuiet(QUIET)) {
                    output.accept("the app was not quiet after " + QUIET.toSeconds() + " s; judging the run as it is");
                }
                return platform.awaitDocuments();
            }

            @Override
            public Hypothesis.DeadLetterQueues deadLetters() {
                return Hypothesis.DeadLetterQueues.between(deadLettersBefore, platform.deadLetters());
            }

            @Override
            public List<String> problems() {
                List<String> problems = new ArrayList<>(platform.problems());
                problems.addAll(platform.eventSourceErrors());
                return problems;
            }

            @Override
            public void close() {
                platform.close();
            }
        };
    }
}
