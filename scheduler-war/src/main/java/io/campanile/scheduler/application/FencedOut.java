package io.campanile.scheduler.application;

/** This server no longer holds the app at the epoch it acted on: the transaction is rolled back. */
public class FencedOut extends RuntimeException {

    private final String appName;
    private final long epoch;

    public FencedOut(String appName, long epoch) {
        super("no longer the owner of app " + appName + " at epoch " + epoch);
        this.appName = appName;
        this.epoch = epoch;
    }

    public String appName() {
        return appName;
    }

    public long epoch() {
        return epoch;
    }
}
