/** JMH benchmarks of the bot: question-to-answer latency and application start-up. */
package org.animfr.animabot.benchmarks;
