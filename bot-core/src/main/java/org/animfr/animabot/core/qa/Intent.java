package org.animfr.animabot.core.qa;

/** What a question asks for. FAQ entries are matched too, but each one is its own answer, not an intent. */
enum Intent {
    START, END, DATES, NEXT_SESSION, SESSION_LIST, INFO, NEXT_GATHERING, GATHERINGS, WEEK, FACILITATORS, HOURS,
    WEEK_COUNT, REGISTER, TERRITORY, GREETING, THANKS, FAQ
}
