/** The chat ports: what the core needs from any platform (console, Discord, Matrix) and the values exchanged with it. */
package org.animfr.animabot.core.chat;
