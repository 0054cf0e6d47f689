/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * {@code LocalRun --otlp}: the documents the local daemon receives, forwarded as OpenTelemetry spans to a Collector
 * over OTLP/HTTP with OpenTelemetry's own exporter ({@link dev.xraytracing.local.internal.otlp.OtlpForwarding}).
 */
package dev.xraytracing.local.internal.otlp;
