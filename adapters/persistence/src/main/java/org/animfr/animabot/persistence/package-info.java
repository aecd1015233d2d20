/**
 * The bot's durable state in a SQL database (H2 file or PostgreSQL), migrated by Flyway: room links, language
 * preferences, adapters' state, the outbox of posts and deliveries, room pauses, reminder choices, learners with
 * their accounts and profiles, the history of introductions, and the table of db-scheduler's durable timers.
 */
package org.animfr.animabot.persistence;
