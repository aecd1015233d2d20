package org.animfr.animabot.core.matching;

/**
 * The k best (item, score) offered, in a bounded min-heap: best is the highest score, then the lowest item, so
 * that results never depend on the order of offers. Not thread-safe; reusable after {@link #clear()}.
 */
final class TopK {
    private final int[] items;
    private final double[] scores;
    private int size;

    TopK(int capacity) {
        items = new int[Math.max(1, capacity)];
        scores = new double[Math.max(1, capacity)];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void offer(int item, double score) {
        if (size < items.length) {
            int i = size++;
            items[i] = item;
            scores[i] = score;
            up(i);
        } else if (better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            down(0);
        }
    }

    /** Moves the kept items, best first, into the arrays given; returns how many. Empties this. */
    int drainBestFirst(int[] outItems, double[] outScores) {
        int count = size;
        for (int i = count - 1; i >= 0; i--) {
            outItems[i] = items[0];
            if (outScores != null) {
                outScores[i] = scores[0];
            }
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            down(0);
        }
        return count;
    }

    private static boolean better(int item, double score, int otherItem, double otherScore) {
        return score > otherScore || (score == otherScore && item < otherItem);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(items[parent], scores[parent], items[i], scores[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(items[worst], scores[worst], items[left], scores[left])) {
                worst = left;
            }
            if (right < size && better(items[worst], scores[worst], items[right], scores[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
