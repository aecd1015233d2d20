/** Rooms and their sessions: linking a conversation to a session, and announcing to every room of a session. */
package org.animfr.animabot.core.room;
