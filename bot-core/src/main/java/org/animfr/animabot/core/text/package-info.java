/** How names and commands are compared with what people type: one text fold for the whole bot. */
package org.animfr.animabot.core.text;
