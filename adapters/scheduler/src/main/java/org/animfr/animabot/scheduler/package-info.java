/** The core's durable timers on db-scheduler: tasks kept in the database, each run by one instance, revived after a crash. */
package org.animfr.animabot.scheduler;
