/**
 * Training sessions as organizers describe them, the catalog that holds them (with its reload), the wording of
 * every answer about them, and the session commands.
 */
package org.animfr.animabot.core.session;
