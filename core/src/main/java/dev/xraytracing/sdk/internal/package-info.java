/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The AWS SDK v2 interceptor's work: opening and closing the call's subsegment, the resource table.
 */
package dev.xraytracing.sdk.internal;
