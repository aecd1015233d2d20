/** A fake Discord (REST and gateway on 127.0.0.1) to run the real JDA against in tests. */
package org.animfr.animabot.discord.fake;
