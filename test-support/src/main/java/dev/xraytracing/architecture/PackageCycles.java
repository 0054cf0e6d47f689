package dev.xraytracing.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The package dependency graph of compiled classes, and its cycles (strongly connected components, Tarjan). */
public final class PackageCycles {
    private final Map<String, Set<String>> edges = new TreeMap<>();
    /** For each package edge, one class reference that makes it, to say where a cycle comes from. */
    private final Map<String, String> evidence = new HashMap<>();

    public PackageCycles(CompiledClasses... modules) {
        Set<String> known = new TreeSet<>();
        for (CompiledClasses module : modules) {
            known.addAll(module.references.keySet());
        }
        for (CompiledClasses module : modules) {
            module.references.forEach((from, targets) -> {
                String fromPackage = CompiledClasses.packageOf(from);
                edges.computeIfAbsent(fromPackage, p -> new TreeSet<>());
                for (String to : targets) {
                    if (!known.contains(to)) {
                        continue; // a resource path that looks like a class name, or a class of another module
                    }
                    String toPackage = CompiledClasses.packageOf(to);
                    if (!toPackage.equals(fromPackage)) {
                        edges.get(fromPackage).add(toPackage);
                        evidence.putIfAbsent(fromPackage + " -> " + toPackage, from + " -> " + to);
                    }
                }
            });
        }
    }

    /** Each package and the packages it uses, one line each: the graph docs/architecture.md draws. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        edges.forEach((from, to) -> text.append(from).append(" -> ").append(String.join(", ", to)).append('\n'));
        return text.toString();
    }

    /** Each cycle as its packages and the class references that close it; empty when the graph has none. */
    public List<String> cycles() {
        List<String> found = new ArrayList<>();
        for (Set<String> component : components()) {
            if (component.size() > 1) {
                StringBuilder text = new StringBuilder(String.join(" <-> ", component));
                for (String from : component) {
                    for (String to : edges.getOrDefault(from, Set.of())) {
                        if (component.contains(to)) {
                            text.append("\n    ").append(evidence.get(from + " -> " + to));
                        }
                    }
                }
                found.add(text.toString());
            }
        }
        return found;
    }

    private List<Set<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                       Set<String> onStack, List<Set<String>> result, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            result.add(component);
        }
    }
}
