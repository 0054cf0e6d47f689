/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * Starts the services a template needs, one package per kind, in dependency order. Apart from the kinds' packages,
 * which depend on {@code services} for {@code LocalService} and {@code ServiceContext}, so that packages depend on
 * each other one way only.
 */
package dev.xraytracing.local.internal.services.run;
