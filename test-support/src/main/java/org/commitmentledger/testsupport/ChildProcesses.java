package org.commitmentledger.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How child processes are started so that their parent decides when they stop. */
public final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildProcesses() {
    }

    /**
     * The command prefix that starts a child in a session of its own, where the system has one: Ctrl-C in a terminal
     * then reaches only the parent, which stops its children in order (services before the servers they use).
     */
    public static List<String> ownSession() {
        return Files.isExecutable(SETSID) ? List.of(SETSID.toString()) : List.of();
    }
}
