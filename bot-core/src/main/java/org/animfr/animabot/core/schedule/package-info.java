/**
 * What the bot posts on its own on schedule: the weekly prompt and the gathering and session-start reminders,
 * planned from the organizers' data, fired by durable timers, sent through {@code delivery}; and the commands
 * around them (planning, pause, resume, preview, personal reminders).
 */
package org.animfr.animabot.core.schedule;
