/**
 * The seam every event source of the local platform implements ({@link dev.xraytracing.local.events.EventSource}):
 * something that turns outside requests into Lambda invocations. The sources themselves are in
 * {@code dev.xraytracing.local.internal.events}.
 */
package dev.xraytracing.local.events;
