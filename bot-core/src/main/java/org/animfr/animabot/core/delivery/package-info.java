/**
 * What the bot sends on its own, exactly once: a post is recorded with each of its deliveries (post, conversation)
 * before anything goes out, each delivery is sent with an idempotency key derived from it and marked sent after,
 * and durable timers retry what failed and finish what a crash interrupted.
 */
package org.animfr.animabot.core.delivery;
