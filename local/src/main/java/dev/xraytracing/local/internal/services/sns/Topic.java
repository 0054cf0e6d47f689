package dev.xraytracing.local.internal.services.sns;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** One topic: its ARN, whether it is FIFO, the attributes set on it, and its subscriptions in the order made. */
final class Topic {
    final String name;
    final String arn;
    final boolean fifo;
    final Map<String, String> attributes = new ConcurrentHashMap<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** A FIFO topic numbers its messages; SNS's numbers are 128-bit, ours start at 1. */
    private final AtomicLong sequence = new AtomicLong();

    Topic(String name, String arn, boolean fifo) {
        this.name = name;
        this.arn = arn;
        this.fifo = fifo;
    }

    String nextSequenceNumber() {
        return String.format("%020d", sequence.incrementAndGet());
    }

    boolean contentBasedDeduplication() {
        return Boolean.parseBoolean(attributes.getOrDefault("ContentBasedDeduplication", "false"));
    }
}
