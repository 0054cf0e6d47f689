/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The runtime clients the local platform runs functions with.
 */
package dev.xraytracing.local.internal.runtime;
