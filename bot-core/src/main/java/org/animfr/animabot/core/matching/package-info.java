/** Learners with similar cooperative projects: how similar two projects are, and who to introduce to whom. */
package org.animfr.animabot.core.matching;
