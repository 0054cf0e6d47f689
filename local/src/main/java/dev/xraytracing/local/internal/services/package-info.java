/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The AWS services a function calls beyond Lambda: what every kind of service implements ({@link
 * dev.xraytracing.local.internal.services.LocalService}, started with a {@link
 * dev.xraytracing.local.internal.services.ServiceContext}; each kind in a package of its own, started by {@link
 * dev.xraytracing.local.internal.services.LocalServices}), the deliveries and
 * targets SNS, EventBridge and schedules share, and {@link dev.xraytracing.local.internal.services.NoEngineService}:
 * every service the run starts no engine for answers an SDK call with one error the SDK does not retry, and the run
 * names the service once.
 */
package dev.xraytracing.local.internal.services;
