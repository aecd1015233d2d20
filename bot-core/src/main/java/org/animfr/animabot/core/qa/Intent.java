package org.animfr.animabot.core.qa;

/**
 * What a question asks for, as the classifier learns it from the examples. FAQ entries are matched apart: each
 * one is its own answer. {@link #OUT_OF_SCOPE} is what the bot's data cannot answer.
 */
enum Intent {
    START, END, DATES, NEXT_SESSION, SESSION_LIST, INFO, NEXT_GATHERING, GATHERINGS, WEEK, PROGRESS, FACILITATORS,
    HOURS, WEEK_COUNT, REGISTER, TERRITORY, PRICE, AGENDA, GREETING, THANKS, OUT_OF_SCOPE
}
