/** French (and English) question answering with Lucene: understanding what is asked, then answering from the catalog. */
package org.animfr.animabot.core.qa;
