/** The Discord adapter: maps JDA's events and REST calls to the core's chat ports, and nothing more. */
package org.animfr.animabot.discord;
