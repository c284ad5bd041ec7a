package cn.gov.planwatch.launcher;

import java.util.ArrayList;
import java.util.List;

/** An instance whose life the test decides; it records what it was asked to do. */
final class FakeInstance implements Supervised {

    final List<String> events = new ArrayList<>();
    private final String name;
    boolean running = true;
    boolean ready = true;
    boolean broken;
    int askedIfBroken;

    FakeInstance(String name) {
        this.name = name;
    }

    void die() {
        running = false;
        ready = false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public String exitReport() {
        return name + " exited (code 137); the last lines of its log";
    }

    @Override
    public String exitSummary() {
        return name + " exited (code 137)";
    }

    @Override
    public void start() {
        events.add("start");
        running = true;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public boolean saysItIsBroken() {
        askedIfBroken++;
        return broken;
    }

    @Override
    public void stopForRestart() {
        events.add("stop for restart");
        running = false;
        ready = false;
        broken = false;
    }

    @Override
    public void stop() {
        events.add("stop");
        running = false;
    }
}
