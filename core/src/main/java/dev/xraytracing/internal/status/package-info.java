/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * Reading the status a result carries, with the public status readers; above dev.xraytracing.status, which sits above internal.
 */
package dev.xraytracing.internal.status;
