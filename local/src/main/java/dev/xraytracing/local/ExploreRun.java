package dev.xraytracing.local;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.ExplorationEntry;
import dev.xraytracing.local.Exploration;
import dev.xraytracing.local.Explorer;
import dev.xraytracing.local.internal.explore.ExplorePlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code LocalRun --explore [FILE]}: the exploration of the run's entry (the first the options name, as a normal run
 * reads them: its API request, a message, a notification, events, a schedule's firing or an invocation), the matrix on stdout, the findings in the HTML report and, with {@code --report-json}, as JSON.
 * Exits 0 when the exploration ran, whatever it found (the findings are its result; CI asserts on the JSON or with
 * the test kit), 1 when it could not run.
 */
final class ExploreRun {
    private ExploreRun() {
    }

    static int run(LocalRunOptions options, RunPlan plan, PrintStream out) {
        ExplorePlan plan0 = ExplorePlan.read(options.exploreFile);
        ExplorePlan explore = options.budget != null ? plan0.withBudget(options.budget) : plan0;
        RunEntries.Entry first = RunEntries.of(options, plan).get(0);
        ExplorationEntry entry = entryOf(first);
        List<LocalFunction> functions = plan.setup().functions();
        out.println("xray-tracing-local: exploring " + plan.name() + ": " + first.describe() + ", budget "
                + explore.budgetRuns() + " runs and " + explore.timeLimit().toSeconds() + " s, seed " + explore.seed());
        long started = System.nanoTime();
        Explorer explorer = Explorer.of(functions, () -> plan.platform(options, out))
                .classpath(options.classpath).entry(entry).file(options.exploreFile).title(plan.name())
                .output(line -> out.println("xray-tracing-local: " + line));
        if (options.budget != null) {
            explorer.budget(options.budget);
        }
        Exploration exploration = explorer.explore();
        out.println();
        out.print(exploration.text());
        if (options.reportJson != null) {
            write(options.reportJson, exploration.json());
            out.println("JSON report: " + options.reportJson);
        }
        new RunReport(exploration.documents(), List.of()).printProblemsAndWriteHtml(out, options.html,
                "xray-tracing local exploration: " + plan.name(), exploration.htmlSection(), started);
        return 0;
    }

    /** The producers' entries without the id their answer carries (each message gets a new one). */
    private static ExplorationEntry entryOf(RunEntries.Entry entry) {
        if (entry instanceof RunEntries.SendMessage message) {
            return ExplorationEntry.sendMessage(message.queue(), message.body());
        }
        if (entry instanceof RunEntries.Publish publication) {
            return ExplorationEntry.publish(publication.topic(), publication.message());
        }
        if (entry instanceof RunEntries.PutEvents events) {
            return ExplorationEntry.putEvents(events.events());
        }
        return entry::send;
    }

    private static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LocalRunException("cannot write the JSON report " + file + ": " + e.getMessage());
        }
    }
}
