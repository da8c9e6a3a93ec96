package org.commitmentledger.testsupport;

import java.io.IOException;

/**
 * Runs a Kafka broker (KRaft, combined broker and controller) in a process of its own, and stops it when the process
 * that started it goes away: the parent holds this process's standard input, which reaches end-of-file when the
 * parent exits, however it exits. No broker outlives the build or the launcher.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; we only wait for the pipe to close
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        kafka.Kafka.main(args);
    }
}
