/** Turning what people type into commands or questions, and dispatching each to exactly one feature. */
package org.animfr.animabot.core.command;
