/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The run's schedules: rules with schedule expressions and functions' schedule events, fired at their rate or on
 * demand, delivering the scheduled event as EventBridge sends it.
 */
package dev.xraytracing.local.internal.services.schedule;
