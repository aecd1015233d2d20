/** The Matrix adapter: maps a homeserver's rooms, invitations and sync stream to the core's chat ports, and nothing more. */
package org.animfr.animabot.matrix;
