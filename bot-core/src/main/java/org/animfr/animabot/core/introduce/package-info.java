/** Introductions between learners with similar projects: suggestions on demand, rounds, their follow-ups. */
package org.animfr.animabot.core.introduce;
