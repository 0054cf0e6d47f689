/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The tracer's machinery: its state (TracerCore), spans, outcomes, names, annotations, the trace header and status-flag tables.
 */
package dev.xraytracing.internal;
