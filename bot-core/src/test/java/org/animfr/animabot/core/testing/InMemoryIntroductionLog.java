package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.core.introduce.FollowUpAnswer;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.introduce.IntroductionLog;

/** The introductions' history kept in memory, for tests of the core. Thread-safe. */
public final class InMemoryIntroductionLog implements IntroductionLog {
    private final List<Introduction> rows = new ArrayList<>();

    @Override
    public synchronized void record(String roundKey, List<List<Long>> groups, Instant at) {
        if (!round(roundKey).isEmpty()) {
            return;
        }
        for (int g = 0; g < groups.size(); g++) {
            for (long learner : groups.get(g)) {
                rows.add(new Introduction(roundKey, g, learner, at, null));
            }
        }
    }

    @Override
    public synchronized List<Introduction> round(String roundKey) {
        return rows.stream().filter(r -> r.roundKey().equals(roundKey))
                .sorted(Comparator.comparingInt(Introduction::group).thenComparingLong(Introduction::learnerId))
                .toList();
    }

    @Override
    public synchronized List<Introduction> of(long learnerId) {
        return rows.stream().filter(r -> r.learnerId() == learnerId).toList();
    }

    @Override
    public synchronized Set<Pair> pairs() {
        Set<Pair> pairs = new HashSet<>();
        Map<String, List<Introduction>> groups = rows.stream()
                .collect(Collectors.groupingBy(r -> r.roundKey() + "#" + r.group()));
        for (List<Introduction> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs.add(Pair.of(group.get(i).learnerId(), group.get(j).learnerId()));
                }
            }
        }
        return pairs;
    }

    @Override
    public synchronized boolean answer(String roundKey, long learnerId, FollowUpAnswer answer, Instant at) {
        for (int i = 0; i < rows.size(); i++) {
            Introduction row = rows.get(i);
            if (row.roundKey().equals(roundKey) && row.learnerId() == learnerId) {
                rows.set(i, new Introduction(roundKey, row.group(), learnerId, row.introducedAt(), answer));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Tally tally() {
        return new Tally(rows.size(), count(FollowUpAnswer.MET), count(FollowUpAnswer.NOT_YET),
                count(FollowUpAnswer.DECLINED));
    }

    private int count(FollowUpAnswer answer) {
        return (int) rows.stream().filter(r -> r.answer() == answer).count();
    }

    @Override
    public synchronized void move(long fromLearnerId, long toLearnerId) {
        rows.replaceAll(r -> r.learnerId() == fromLearnerId
                ? new Introduction(r.roundKey(), r.group(), toLearnerId, r.introducedAt(), r.answer()) : r);
    }

    @Override
    public synchronized void forget(long learnerId) {
        rows.removeIf(r -> r.learnerId() == learnerId);
    }
}
