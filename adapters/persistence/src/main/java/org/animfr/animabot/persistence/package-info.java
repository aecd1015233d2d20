/** Durable room links and language preferences in a SQL database (H2 file or PostgreSQL), migrated by Flyway. */
package org.animfr.animabot.persistence;
