/** Links between conversations and sessions, and people's language choices: the core's stored settings. */
package org.animfr.animabot.core.room;
