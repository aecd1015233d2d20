/** iCalendar feeds of the sessions (gatherings, start and end, weekly themes) for people to subscribe to. */
package org.animfr.animabot.calendar;
