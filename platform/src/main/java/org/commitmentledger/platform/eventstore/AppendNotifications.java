package org.commitmentledger.platform.eventstore;

import org.axonframework.common.Registration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells the open tracking streams of this process to look again when events have been appended, by this process or
 * any other: every transaction that appends notifies {@value #CHANNEL} with its id when it commits (see the
 * {@code event_store} migrations), and this listener passes that on once the commit horizon has passed it.
 * <p>
 * The listener holds one connection of the pool. While it cannot listen (the database restarted, the connection
 * dropped) it tells the streams to look again at every attempt to reconnect, so they fall back to polling until it
 * listens again.
 */
final class AppendNotifications implements AutoCloseable {

    static final String CHANNEL = "event_store_appended";
    static final String APPLICATION_NAME = "event-store-listener";
    private static final Logger log = LoggerFactory.getLogger(AppendNotifications.class);
    // Quiet periods end with a query, and a query unanswered for as long ends the connection: one that died without
    // a word is replaced.
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Duration interval;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Connection connection;
    // The listener thread's own: true at first, so that failing to listen at all is reported
    private boolean listening = true;

    private AppendNotifications(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.thread = new Thread(this::listen, APPLICATION_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * @param interval the least time between two looks of the streams; also how soon the listener looks at the horizon
     *                 again while a transaction that appended is held back behind an older one still running
     */
    static AppendNotifications start(DataSource dataSource, Duration interval) {
        AppendNotifications notifications = new AppendNotifications(dataSource, interval);
        notifications.thread.start();
        return notifications;
    }

    Registration subscribe(Runnable lookAgain) {
        listeners.add(lookAgain);
        return () -> listeners.remove(lookAgain);
    }

    private void listen() {
        while (closed.getCount() > 0) {
            try (Connection opened = dataSource.getConnection()) {
                connection = opened;
                listenOn(opened);
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                if (listening) {
                    log.warn("Not listening for appended events; streams look again every {} until listening "
                                     + "again: {}", RECONNECT, e.getMessage());
                    listening = false;
                }
                lookAgain();
            }
            try {
                closed.await(RECONNECT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            connection.setClientInfo("ApplicationName", APPLICATION_NAME);
            connection.setNetworkTimeout(Runnable::run, (int) HEARTBEAT.toMillis());
            statement.execute("listen " + CHANNEL);
            if (!listening) {
                log.info("Listening for appended events again");
                listening = true;
            }
            // Transactions that committed before the listen took effect all lie below the next transaction id.
            PendingAppends pending = new PendingAppends(
                    single(statement, "select pg_snapshot_xmax(pg_current_snapshot())::text::bigint") - 1);
            PGConnection notifications = connection.unwrap(PGConnection.class);
            while (closed.getCount() > 0) {
                long horizon = single(statement, "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                boolean looked = pending.lookAgainAt(horizon);
                if (looked) {
                    lookAgain();
                }
                if (looked || pending.heldBack(horizon)) {
                    takeUntil(System.nanoTime() + interval.toNanos(), notifications, pending);
                } else {
                    take(notifications.getNotifications((int) HEARTBEAT.toMillis()), pending);
                }
            }
        } finally {
            // Never back into a pool: a connection left listening piles up notifications nobody reads.
            connection.abort(Runnable::run);
        }
    }

    /** Every look costs each stream a read: however many appends arrive meanwhile, one look an interval. */
    private static void takeUntil(long until, PGConnection notifications, PendingAppends pending)
            throws SQLException {
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            take(notifications.getNotifications((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))), pending);
        }
    }

    private static void take(PGNotification[] notifications, PendingAppends pending) {
        for (PGNotification notification : notifications) {
            pending.appended(Long.parseLong(notification.getParameter()));
        }
    }

    private void lookAgain() {
        listeners.forEach(Runnable::run);
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Ends the wait for notifications at once: a closed connection answers nothing. */
    @Override
    public void close() throws InterruptedException {
        closed.countDown();
        Connection current = connection;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException e) {
                log.debug("Aborting the listening connection failed", e);
            }
        }
        thread.join(HEARTBEAT.toMillis());
    }
}
