package dev.shuffify.benchmarks;

/** Prints {@link Machine#describe()} and the current load average, for the header of the results. */
public final class MachineInfo {
    private MachineInfo() {
    }

    /**
     * Prints the machine line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(Machine.describe() + "; " + Machine.loadAverage() + " at the start");
    }
}
