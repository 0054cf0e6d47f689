package dev.xraytracing.local;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.experiment.ExperimentPlan;
import dev.xraytracing.local.internal.experiment.ExperimentReport;
import dev.xraytracing.local.internal.experiment.ExperimentRunner;
import dev.xraytracing.local.internal.experiment.RequestOutcome;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code LocalRun --experiment}: the baseline phase, the faulted phase, the comparison on stdout and in the HTML
 * report. Fails (exit 1) when a function failed during init, when the baseline answered 5xx without a {@code --fault}
 * asking for it, or when a failure of the faulted phase is not explained by an injected fault.
 */
final class ExperimentRun {
    private ExperimentRun() {
    }

    static int run(LocalRunOptions options, RunPlan plan, PrintStream out,
                   Consumer<ExperimentRunner.Result> experiments) {
        ExperimentPlan experiment = ExperimentPlan.read(options.experiment);
        RunPlan phasePlan = new RunPlan(plan.setup(), plan.name(),
                experiment.method() != null ? experiment.method() : plan.method(),
                experiment.path() != null ? experiment.path() : plan.path(), plan.faultOn());
        List<LocalFunction> ready = FaultsModule.prepare(plan.setup().functions(), options.classpath,
                FaultsModule.onThisClasspath(options.classpath), line -> out.println("xray-tracing-local: " + line));
        if (ready.isEmpty()) {
            throw new LocalRunException("no function of this run has xray-tracing-faults, so the experiment's rules "
                    + "cannot apply");
        }
        Path rules = rulesFile(experiment);
        out.println("xray-tracing-local: experiment " + options.experiment + ": " + phasePlan.method() + " "
                + phasePlan.path() + ", " + experiment.requests() + " requests per phase after " + experiment.warmup()
                + " warm-up; rules for " + ready.stream().map(LocalFunction::name).collect(Collectors.joining(", ")));
        long started = System.nanoTime();
        ExperimentRunner.Result result = ExperimentRunner.run(experiment, withRules -> {
            if (withRules) {
                ready.forEach(function -> FaultsModule.applyRules(function, rules, experiment.seed()));
            }
            return new PhaseApp(phasePlan, phasePlan.platform(options, out).start());
        }, out::println);
        experiments.accept(result);
        ExperimentReport comparison = ExperimentReport.of(result);
        out.println();
        out.print(comparison.text());
        List<String> documents = new ArrayList<>(result.baseline().documents());
        documents.addAll(result.faulted().documents());
        List<String> problems = new ArrayList<>(result.baseline().problems());
        problems.addAll(result.faulted().problems());
        new RunReport(documents, problems).printProblemsAndWriteHtml(out, options.html,
                "xray-tracing local experiment: " + plan.name(), comparison.htmlSection(), started);
        int verdict = RunVerdict.of(result.baseline().requests().stream().map(RequestOutcome::status).toList(),
                problems, List.of(), options.fault).report(out);
        if (verdict != 0) {
            return verdict;
        }
        if (!comparison.check().allExplained()) {
            out.println("xray-tracing-local: FAILED: " + comparison.verdict());
            return 1;
        }
        return 0;
    }

    private static Path rulesFile(ExperimentPlan experiment) {
        try {
            Path file = Files.createTempFile("xray-tracing-experiment-rules-", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, experiment.rules());
            return file;
        } catch (IOException e) {
            throw new LocalRunException("cannot write the experiment's rules to a temporary file: " + e.getMessage());
        }
    }

    /** One phase's platform as the experiment drives it: the plan's request, with a trace header that names it. */
    private record PhaseApp(RunPlan plan, LocalPlatform platform) implements ExperimentRunner.RunningApp {
        @Override
        public ExperimentRunner.Answer send() {
            LocalPlatform.ApiResponse response = plan.send(platform, true);
            return new ExperimentRunner.Answer(response.status(), response.traceHeader());
        }

        @Override
        public List<String> awaitDocuments() {
            return platform.awaitDocuments();
        }

        @Override
        public List<String> problems() {
            return platform.problems();
        }

        @Override
        public void close() {
            platform.close();
        }
    }
}
