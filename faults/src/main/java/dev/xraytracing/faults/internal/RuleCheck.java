package dev.xraytracing.faults.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Checks fault rules before anything runs them, for tools that hand rules to functions (the local platform's
 * {@code LocalRun --faults} and {@code --experiment}): the same reading a function's tracer does, but every problem
 * comes back as one line instead of a warning in some function's log. Internal: the wording may change.
 */
public final class RuleCheck {
    private RuleCheck() {
    }

    /** The problems of the rules file {@code file}, one line each naming the file and the rule; empty when fine. */
    public static List<String> ofFile(Path file) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        RuleSources.readFile(file, rules, new HashSet<>(), collecting(problems));
        return withNoRuleNoted(problems, rules, file.toString());
    }

    /** The problems of {@code text} (JSON or the compact form) from {@code source}; empty when fine. */
    public static List<String> ofText(String text, String source) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        RuleSources.parse(text, source, rules, new HashSet<>(), collecting(problems));
        return withNoRuleNoted(problems, rules, source);
    }

    private static RuleSources.Problems collecting(List<String> problems) {
        return (key, problem, consequence) -> problems.add(problem);
    }

    /** Rules that hold none would make a run without faults that looks like one with them. */
    private static List<String> withNoRuleNoted(List<String> problems, List<Rule> rules, String source) {
        if (problems.isEmpty() && rules.isEmpty()) {
            problems.add(source + " holds no rule");
        }
        return List.copyOf(problems);
    }
}
