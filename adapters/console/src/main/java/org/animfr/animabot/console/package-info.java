/** The console adapter: the bot on a terminal or a pipe, one line per message. */
package org.animfr.animabot.console;
