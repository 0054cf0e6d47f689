package dev.xraytracing.local.internal.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.event.ruler.Machine;

/**
 * The run's event buses ({@code default} and the template's) and their rules; each bus matches its enabled pattern
 * rules with one event-ruler {@link Machine}, so an event matches exactly as EventBridge matches it. Fixed once the
 * service has started (rules are not added through the API), so reads need no lock.
 */
final class Buses {
    private final String region;
    private final String accountId;
    private final Map<String, Map<String, EventRule>> rulesByBus = new LinkedHashMap<>();
    private final Map<String, Machine> machines = new LinkedHashMap<>();

    Buses(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
        addBus(EventRule.DEFAULT_BUS);
    }

    void addBus(String name) {
        rulesByBus.putIfAbsent(name, new LinkedHashMap<>());
    }

    /** Adds the rule; an invalid pattern is an {@link IllegalArgumentException} naming the reason. */
    void addRule(EventRule rule) {
        Map<String, EventRule> rules = rulesByBus.get(rule.busName());
        if (rules == null) {
            throw new IllegalArgumentException("its bus " + rule.busName() + " is no bus of the template");
        }
        if (rule.pattern().isPresent() && rule.enabled()) {
            try {
                machines.computeIfAbsent(rule.busName(), b -> new Machine()).addRule(rule.arn(), rule.pattern().get());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("its pattern is not valid: " + e.getMessage(), e);
            }
        }
        rules.put(rule.name(), rule);
    }

    List<String> busNames() {
        return List.copyOf(rulesByBus.keySet());
    }

    String busArn(String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    /** The bus a request names, by name or ARN; {@code default} when none. */
    Optional<String> bus(String nameOrArn) {
        String name = nameOrArn == null || nameOrArn.isEmpty() ? EventRule.DEFAULT_BUS
                : nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        return rulesByBus.containsKey(name) ? Optional.of(name) : Optional.empty();
    }

    List<EventRule> rules(String bus) {
        return new ArrayList<>(rulesByBus.getOrDefault(bus, Map.of()).values());
    }

    /** Every rule on every bus, in the order added. */
    List<EventRule> allRules() {
        return rulesByBus.values().stream().flatMap(r -> r.values().stream()).toList();
    }

    Optional<EventRule> rule(String bus, String name) {
        return Optional.ofNullable(rulesByBus.getOrDefault(bus, Map.of()).get(name));
    }

    /** The enabled rules of {@code bus} whose pattern {@code event} matches, in the order added. */
    List<EventRule> matching(String bus, JsonNode event) {
        Machine machine = machines.get(bus);
        if (machine == null) {
            return List.of();
        }
        List<String> arns = machine.rulesForJSONEvent(event);
        return rules(bus).stream().filter(r -> arns.contains(r.arn())).toList();
    }
}
