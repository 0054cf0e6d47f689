/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * Writing segment documents and sending them (the emitter, the JSON writer, the UDP sink).
 */
package dev.xraytracing.internal.emit;
