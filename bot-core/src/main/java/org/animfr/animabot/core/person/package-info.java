/** What the bot keeps about each person, by their choice: for now, the language it speaks to them in. */
package org.animfr.animabot.core.person;
