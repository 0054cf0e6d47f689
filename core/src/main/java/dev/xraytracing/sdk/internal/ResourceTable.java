package dev.xraytracing.sdk.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data table that says which request and response members of an SDK call become {@code aws} fields, and what a
 * service's subsegment is called. Built lazily, on the first traced call, from the entries shipped with core
 * ({@link ShippedResourceEntries}, which also describes the format), then every
 * {@code META-INF/xray-tracing/aws-resources.properties} on the classpath, then run-time additions. Each tracer has its
 * own ({@link #of}).
 */
public final class ResourceTable {
    public static final String EXTRA_FILE = "META-INF/xray-tracing/aws-resources.properties";
    private static final String ANY_OPERATION = "*";
    private static final String NAME_PREFIX = "name.";

    private final WarnOnce warnings;
    private final Map<String, String> additions = new LinkedHashMap<>();
    private final Map<String, Map<String, OperationFields>> resolved = new ConcurrentHashMap<>();
    private volatile Table table;

    ResourceTable(WarnOnce warnings) {
        this.warnings = warnings;
    }

    /** The table of {@code core}'s tracer, built on first use. */
    public static ResourceTable of(TracerCore core) {
        // No lambdas in this class: each costs a spun class on a cold start (docs/benchmarks.md).
        ResourceTable existing = core.existingComponent(ResourceTable.class);
        return existing != null ? existing
                : core.installComponent(ResourceTable.class, new ResourceTable(core.warnings()));
    }

    /** The fields to copy for {@code operation} of {@code service}; never null. */
    public OperationFields fieldsFor(String service, String operation) {
        Map<String, OperationFields> byOperation = resolved.get(service);
        if (byOperation == null) {
            byOperation = new ConcurrentHashMap<>();
            Map<String, OperationFields> raced = resolved.putIfAbsent(service, byOperation);
            if (raced != null) {
                byOperation = raced;
            }
        }
        OperationFields fields = byOperation.get(operation);
        if (fields == null) {
            fields = table().resolve(service, operation);
            byOperation.put(operation, fields);
        }
        return fields;
    }

    /** The subsegment name for {@code service}: the one X-Ray's service map expects, else the SDK's service name. */
    public String subsegmentName(String service) {
        String name = table().names.get(service);
        return name != null ? name : service;
    }

    /** Adds (or replaces) one entry, as a line {@code key=value} of the file would. */
    public void add(String key, String value) {
        synchronized (additions) {
            additions.put(key, value);
            table = null;
            resolved.clear();
        }
    }

    private Table table() {
        Table current = table;
        if (current == null) {
            synchronized (additions) {
                current = table;
                if (current == null) {
                    Map<String, String> entries = loadEntries();
                    entries.putAll(additions);
                    current = new Table(entries, warnings);
                    table = current;
                }
            }
        }
        return current;
    }

    private Map<String, String> loadEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : ShippedResourceEntries.LINES) {
            int equals = line.indexOf('=');
            entries.put(line.substring(0, equals), line.substring(equals + 1));
        }
        ClassLoader loader = ResourceTable.class.getClassLoader();
        try {
            Enumeration<URL> extras = loader.getResources(EXTRA_FILE);
            while (extras.hasMoreElements()) {
                load(entries, extras.nextElement());
            }
        } catch (IOException failure) {
            warnings.warn("sdk-resources:list", "could not list " + EXTRA_FILE + " files", failure);
        }
        return entries;
    }

    private void load(Map<String, String> entries, URL file) {
        try (InputStream in = file.openStream()) {
            Properties lines = new Properties();
            lines.load(in);
            for (String key : lines.stringPropertyNames()) {
                entries.put(key, lines.getProperty(key));
            }
        } catch (IOException failure) {
            warnings.warn("sdk-resources:" + file, "could not read " + file, failure);
        }
    }

    /** The parsed entries: names per service, and fields per service, operation and direction. */
    private static final class Table {
        final Map<String, String> names = new HashMap<>();
        final Map<String, List<Field>> request = new HashMap<>();
        final Map<String, List<Field>> response = new HashMap<>();

        Table(Map<String, String> entries, WarnOnce warnings) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                String key = entry.getKey();
                String value = entry.getValue().trim();
                if (key.startsWith(NAME_PREFIX)) {
                    names.put(key.substring(NAME_PREFIX.length()), value);
                    continue;
                }
                String[] parts = key.split("\\.");
                if (parts.length != 4 || value.isEmpty()
                        || !(parts[2].equals("request") || parts[2].equals("response"))) {
                    warnings.warn("sdk-resources:bad:" + key, "ignored the resource table entry '"
                            + key + "': expected <service>.<operation or *>.<request|response>.<member>=<aws field>");
                    continue;
                }
                Map<String, List<Field>> direction = parts[2].equals("request") ? request : response;
                String target = parts[0] + '.' + parts[1];
                List<Field> list = direction.get(target);
                if (list == null) {
                    list = new ArrayList<>();
                    direction.put(target, list);
                }
                list.add(new Field(parts[3], value));
            }
        }

        OperationFields resolve(String service, String operation) {
            return new OperationFields(merge(request, service, operation), merge(response, service, operation));
        }

        /** The service-wide fields, then the operation's own (which win when both name the same aws field). */
        private static Field[] merge(Map<String, List<Field>> fields, String service, String operation) {
            List<Field> all = new ArrayList<>(fields.getOrDefault(service + '.' + ANY_OPERATION, List.of()));
            all.addAll(fields.getOrDefault(service + '.' + operation, List.of()));
            return all.toArray(new Field[0]);
        }
    }

    /** A member of the SDK request or response and the aws field it is copied to. */
    public static final class Field {
        final String member;
        final String awsField;

        Field(String member, String awsField) {
            this.member = member;
            this.awsField = awsField;
        }
    }

    /** The fields of one operation. */
    public static final class OperationFields {
        final Field[] request;
        final Field[] response;

        OperationFields(Field[] request, Field[] response) {
            this.request = request;
            this.response = response;
        }
    }
}
