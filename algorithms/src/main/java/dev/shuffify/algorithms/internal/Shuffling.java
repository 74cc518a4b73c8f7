package dev.shuffify.algorithms.internal;

import java.util.List;
import java.util.random.RandomGenerator;

/** Fisher–Yates shuffles that draw only from the given random source, so a seed fixes the result. */
public final class Shuffling {
    private Shuffling() {
    }

    /**
     * Shuffles {@code list[from, to)} in place, uniformly.
     *
     * @param list the list; must support {@code set}
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param random the random source
     * @param <T> the element type
     */
    public static <T> void shuffle(List<T> list, int from, int to, RandomGenerator random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    /**
     * Shuffles a whole list in place, uniformly.
     *
     * @param list the list; must support {@code set}
     * @param random the random source
     * @param <T> the element type
     */
    public static <T> void shuffle(List<T> list, RandomGenerator random) {
        shuffle(list, 0, list.size(), random);
    }

    /**
     * Shuffles a whole array in place, uniformly.
     *
     * @param array the array
     * @param random the random source
     * @param <T> the element type
     */
    public static <T> void shuffle(T[] array, RandomGenerator random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }

    /**
     * Shuffles {@code array[from, to)} in place, uniformly, with the same draws as
     * {@link #shuffle(List, int, int, RandomGenerator)}.
     *
     * @param array the array
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param random the random source
     */
    public static void shuffle(Object[] array, int from, int to, RandomGenerator random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            Object tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }

    /**
     * Shuffles {@code array[from, to)} in place, uniformly, with the same draws as
     * {@link #shuffle(List, int, int, RandomGenerator)}.
     *
     * @param array the array
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @param random the random source
     */
    public static void shuffle(int[] array, int from, int to, RandomGenerator random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }
}
