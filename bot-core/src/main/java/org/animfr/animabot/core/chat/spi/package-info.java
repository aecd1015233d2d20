/**
 * Plumbing that only adapters use, written once for all of them: removing invisible characters, backing off,
 * naming threads, remembering handled events and answered messages, keeping small values across restarts.
 */
package org.animfr.animabot.core.chat.spi;
