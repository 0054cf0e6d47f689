package dev.xraytracing.local;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.entry.BusEvent;
import dev.xraytracing.local.internal.entry.EntryTargets;
import dev.xraytracing.local.template.TemplateFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run of {@link LocalRun} sends, one entry per request: the API request (its method, path, headers and body;
 * the i-th request sends the i-th {@code --body-file}, the last one repeating), or the entries the command line names
 * in its order ({@code --send-message}, {@code --publish}, {@code --put-event}, {@code --fire-schedule},
 * {@code --invoke}), the last one repeating. Every name and file is checked, and every file read, before anything
 * starts: a wrong one is one line.
 */
final class RunEntries {
    /** One way into the app: {@link #describe()} for the request's line, {@link #send} to send it. */
    sealed interface Entry {
        String describe();

        /** Sends it once, in the trace {@code traceHeader} names (null: none, or a new one for a producer). */
        LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader);

        default LocalPlatform.ApiResponse send(LocalPlatform platform) {
            return send(platform, null);
        }

        /** Whether an answer of 300 or more means the entry never entered the app (a message the service refused). */
        default boolean refusedWhenNotOk() {
            return false;
        }
    }

    /** An HTTP request to the REST API, else the HTTP API. */
    record ApiRequest(RunPlan plan, Map<String, List<String>> headers, String body) implements Entry {
        @Override
        public String describe() {
            return plan.method() + " " + plan.path();
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            return plan.setup().hasApi() ? platform.request(plan.method(), plan.path(), headers, body, traceHeader)
                    : platform.requestHttpApi(plan.method(), plan.path(), headers, body, traceHeader);
        }
    }

    /** A direct invocation; a function error answers 502, as the run has always counted it. */
    record Invoke(String function, String event, String origin) implements Entry {
        @Override
        public String describe() {
            return "invoke " + function + (origin == null ? "" : " " + origin);
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            return platform.invokeCounted(function, event, traceHeader);
        }
    }

    record SendMessage(String queue, String body) implements Entry {
        @Override
        public String describe() {
            return "send-message " + queue;
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            return platform.sendMessage(queue, body, traceHeader);
        }

        @Override
        public boolean refusedWhenNotOk() {
            return true;
        }
    }

    record Publish(String topic, String message) implements Entry {
        @Override
        public String describe() {
            return "publish " + topic;
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            return platform.publish(topic, message, traceHeader);
        }

        @Override
        public boolean refusedWhenNotOk() {
            return true;
        }
    }

    record PutEvents(String events, String origin) implements Entry {
        @Override
        public String describe() {
            return "put-event " + origin;
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            return platform.putEvents(events, traceHeader);
        }

        @Override
        public boolean refusedWhenNotOk() {
            return true;
        }
    }

    record FireSchedule(String schedule) implements Entry {
        @Override
        public String describe() {
            return "fire-schedule " + schedule;
        }

        @Override
        public LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader) {
            platform.fireSchedule(schedule);
            return new LocalPlatform.ApiResponse(200, "fired", null);
        }
    }

    private final List<Entry> entries;

    private RunEntries(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entries the options name, checked against the plan's template; the API request when they name none. */
    static RunEntries of(LocalRunOptions options, RunPlan plan) {
        List<Entry> entries = new ArrayList<>();
        if (options.entries.isEmpty()) {
            if (!plan.takesHttpRequests()) {
                if (!options.headers.isEmpty() || options.body != null || !options.bodyFiles.isEmpty()) {
                    throw new LocalRunException("--header, --body and --body-file shape an API request, and this"
                            + " template has no API: use --invoke FUNCTION EVENT_FILE");
                }
                entries.add(new Invoke(plan.firstFunction(), "{}", null));
            } else if (options.bodyFiles.isEmpty()) {
                entries.add(new ApiRequest(plan, headers(options), options.body));
            } else {
                for (Path file : options.bodyFiles) {
                    entries.add(new ApiRequest(plan, headers(options), read(file.toString(), "--body-file")));
                }
            }
            return new RunEntries(entries);
        }
        Map<String, String> functionNames = new LinkedHashMap<>();
        for (TemplateFunction f : plan.setup().template().functions()) {
            functionNames.put(f.logicalId(), f.name());
        }
        Map<String, List<dev.xraytracing.local.template.FunctionEvent>> events = new LinkedHashMap<>();
        plan.setup().template().functions().forEach(f -> events.put(f.name(), f.events()));
        EntryTargets targets = new EntryTargets(plan.setup().template().resources(), events, functionNames);
        for (LocalRunOptions.EntryOption option : options.entries) {
            entries.add(entry(option, targets, functionNames, plan));
        }
        return new RunEntries(entries);
    }

    private static Entry entry(LocalRunOptions.EntryOption option, EntryTargets targets,
                               Map<String, String> functionNames, RunPlan plan) {
        return switch (option.kind()) {
            case "send-message" -> {
                targets.queue(option.target());
                yield new SendMessage(option.target(), payload(option));
            }
            case "publish" -> {
                targets.topic(option.target());
                yield new Publish(option.target(), payload(option));
            }
            case "put-event" -> {
                String json = read(option.target(), "--put-event");
                BusEvent.parse(json, option.target()).forEach(event -> targets.bus(event.eventBusName()));
                yield new PutEvents(json, option.target());
            }
            case "fire-schedule" -> new FireSchedule(targets.schedule(option.target()));
            case "invoke" -> new Invoke(function(option.target(), functionNames, plan), read(option.payload(),
                    "--invoke"), option.payload());
            default -> throw new IllegalArgumentException("unknown entry " + option.kind());
        };
    }

    /** The function's name, given its name or logical id. */
    private static String function(String name, Map<String, String> functionNames, RunPlan plan) {
        if (plan.setup().functions().stream().anyMatch(f -> f.name().equals(name))) {
            return name;
        }
        String byLogicalId = functionNames.get(name);
        if (byLogicalId != null) {
            return byLogicalId;
        }
        throw new LocalRunException("--invoke names unknown function " + name + " (functions: "
                + String.join(", ", plan.setup().functions().stream().map(f -> f.name()).toList()) + ")");
    }

    private static String payload(LocalRunOptions.EntryOption option) {
        String payload = option.payload();
        return payload.startsWith("@") ? read(payload.substring(1), "--" + option.kind()) : payload;
    }

    private static String read(String file, String option) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new LocalRunException(option + " cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, List<String>> headers(LocalRunOptions options) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        options.headers.forEach(h -> headers.computeIfAbsent(h[0], n -> new ArrayList<>()).add(h[1]));
        return headers;
    }

    /** The entry of request {@code index} (from 0): the entry at that place, or the last one. */
    Entry get(int index) {
        return entries.get(Math.min(index, entries.size() - 1));
    }

    int size() {
        return entries.size();
    }
}
