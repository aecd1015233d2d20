/** The Spring Boot application: binds configuration, wires the core to the adapters, and runs the platforms. */
package org.animfr.animabot.app;
