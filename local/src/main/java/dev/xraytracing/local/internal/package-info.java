/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The local platform's shared low parts: HTTP servers on 127.0.0.1, the ids the services make and the trace header
 * as they pass it on ({@link dev.xraytracing.local.internal.TraceIds}), the segments they build, the daemon's wire
 * format, the clock. Nothing here uses a room above it.
 */
package dev.xraytracing.local.internal;
