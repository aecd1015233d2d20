/** Reads organizers' YAML data files into the core's catalog, with the line of every problem. */
package org.animfr.animabot.catalog.yaml;
