/**
 * The Java face of the Matrix client-server API: plain records and {@code CompletableFuture}s, implemented in
 * Kotlin on Trixnity ({@code TrixnityBridge}) so that no Kotlin or Trixnity type reaches the rest of the adapter.
 */
package org.animfr.animabot.matrix.bridge;
