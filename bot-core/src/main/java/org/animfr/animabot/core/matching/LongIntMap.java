package org.animfr.animabot.core.matching;

import java.util.Arrays;

/**
 * Non-negative long keys to int values, open addressing: the word pairs of 100,000 descriptions number in the
 * millions, too many for boxed keys in a small heap. A key and its value sit side by side, in one cache line.
 * Not thread-safe while written; safe to read from many threads while nobody writes.
 */
final class LongIntMap {
    private static final long EMPTY = -1L;

    /** Keys at even indexes, each followed by its value. */
    private long[] table;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
        Arrays.fill(table, EMPTY);
    }

    /** The value of the key, or -1. */
    int get(long key) {
        int mask = table.length / 2 - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The value of the key, first setting it to {@code value} when absent. */
    int putIfAbsent(long key, int value) {
        if (size * 4 >= table.length) {
            grow();
        }
        int mask = table.length / 2 - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = table[2 * i];
            if (k == key) {
                return (int) table[2 * i + 1];
            }
            if (k == EMPTY) {
                table[2 * i] = key;
                table[2 * i + 1] = value;
                size++;
                return value;
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        Arrays.fill(table, EMPTY);
        int mask = table.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != EMPTY) {
                int i = slot(old[j], mask);
                while (table[2 * i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                table[2 * i] = old[j];
                table[2 * i + 1] = old[j + 1];
            }
        }
    }
}
