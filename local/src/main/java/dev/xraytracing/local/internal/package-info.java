/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The local platform's parts.
 */
package dev.xraytracing.local.internal;
