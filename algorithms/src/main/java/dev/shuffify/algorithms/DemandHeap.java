package dev.shuffify.algorithms;

/**
 * A binary heap of artists that knows where each artist sits, so that any artist can be taken out: the most
 * demanding first, then the lowest rank. An artist's keys do not change while it is in the heap.
 */
final class DemandHeap {
    private final int[] heap;
    private final int[] slot;
    private final long[] demand;
    private final int[] rank;
    int size;

    DemandHeap(int artists, long[] demand, int[] rank) {
        this.heap = new int[artists];
        this.slot = new int[artists];
        java.util.Arrays.fill(slot, -1);
        this.demand = demand;
        this.rank = rank;
    }

    private boolean before(int x, int y) {
        if (demand[x] != demand[y]) {
            return demand[x] > demand[y];
        }
        return rank[x] < rank[y];
    }

    void add(int a) {
        siftUp(size++, a);
    }

    int poll() {
        int top = heap[0];
        slot[top] = -1;
        int last = heap[--size];
        if (size > 0) {
            siftDown(0, last);
        }
        return top;
    }

    void removeIfPresent(int a) {
        int at = slot[a];
        if (at < 0) {
            return;
        }
        slot[a] = -1;
        int last = heap[--size];
        if (at == size) {
            return;
        }
        if (at > 0 && before(last, heap[(at - 1) >>> 1])) {
            siftUp(at, last);
        } else {
            siftDown(at, last);
        }
    }

    private void siftUp(int at, int a) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            int p = heap[parent];
            if (!before(a, p)) {
                break;
            }
            heap[at] = p;
            slot[p] = at;
            at = parent;
        }
        heap[at] = a;
        slot[a] = at;
    }

    private void siftDown(int at, int a) {
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, a)) {
                break;
            }
            heap[at] = c;
            slot[c] = at;
            at = child;
        }
        heap[at] = a;
        slot[a] = at;
    }
}
