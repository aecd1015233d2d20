/**
 * The chat ports: what the core needs from any platform (console, Discord, Matrix), the values exchanged with it,
 * and the one renderer contract every platform implements. {@code spi} holds the plumbing only adapters use.
 */
package org.animfr.animabot.core.chat;
