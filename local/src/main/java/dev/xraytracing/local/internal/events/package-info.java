/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The services that start invocations, each a {@link dev.xraytracing.local.events.EventSource}: API Gateway's REST
 * stage (payload format 1.0) and HTTP API (payload 2.0) today; queues, topics, buses and buckets join them here.
 */
package dev.xraytracing.local.internal.events;
