/** A person's rights over their data: seeing everything the bot stores about them, and having it erased. */
package org.animfr.animabot.core.privacy;
