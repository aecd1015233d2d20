/** What the bot says to people, from message bundles: French by default, English too. */
package org.animfr.animabot.core.i18n;
