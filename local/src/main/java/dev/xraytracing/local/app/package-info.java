/**
 * The value types every part of the local platform may use: a function to run ({@link
 * dev.xraytracing.local.app.LocalFunction}), a fault to inject, the runtime loop, the one exception a run fails with.
 * They depend on nothing else of ours.
 */
package dev.xraytracing.local.app;
