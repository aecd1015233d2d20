/** The public page of the sessions and their calendars, over HTTP: Spring MVC maps requests to the core. */
package org.animfr.animabot.web;
