/** What the bot does, counted for the people running it: the metrics port the core reports to. */
package org.animfr.animabot.core.metrics;
