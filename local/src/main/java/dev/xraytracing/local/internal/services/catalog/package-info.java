/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The table of every kind of service the local platform can run for a template ({@link
 * dev.xraytracing.local.internal.services.catalog.ServiceCatalog}). It sits above the kinds' packages, which depend on
 * {@code dev.xraytracing.local.internal.services}, so that no package refers back to one that uses it.
 */
package dev.xraytracing.local.internal.services.catalog;
