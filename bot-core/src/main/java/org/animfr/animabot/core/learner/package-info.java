/** Learners and their personal data: project profiles, consent to introductions, linked accounts, export and erasure. */
package org.animfr.animabot.core.learner;
