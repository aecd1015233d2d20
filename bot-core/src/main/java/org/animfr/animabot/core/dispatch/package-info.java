/**
 * From what people type to one feature: the command specs and their one list, parsing, help, and the dispatcher
 * that every platform hands messages to. Imports only the chat ports, the bundles and the text fold; features
 * depend on it, never the reverse.
 */
package org.animfr.animabot.core.dispatch;
