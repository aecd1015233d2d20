/** Training sessions as organizers describe them, the catalog that holds them, and the session commands. */
package org.animfr.animabot.core.session;
