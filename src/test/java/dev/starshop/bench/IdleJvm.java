package dev.starshop.bench;

/** A JVM that does nothing for a while: the footprint benchmark's baseline for resident memory. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "60000"));
    }
}
