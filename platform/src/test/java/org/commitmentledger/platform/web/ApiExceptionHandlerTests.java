package org.commitmentledger.platform.web;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

    @Test
    void anAppendCutOffByTheDatabaseStoppingIsALostDatabase() {
        SQLException cutOff = new BatchUpdateException("Batch entry 0 insert ... was aborted", "08006", 0,
                                                       new int[0]);

        assertThat(ApiExceptionHandler.lostDatabase(new EventStoreException("could not be persisted", cutOff)))
                .isTrue();
    }

    @Test
    void aServerShuttingDownOrStillStartingIsALostDatabase() {
        assertThat(ApiExceptionHandler.lostDatabase(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ApiExceptionHandler.lostDatabase(new SQLException("the database system is starting up",
                                                                     "57P03"))).isTrue();
    }

    @Test
    void aConnectionThePoolCouldNotHaveInTimeIsALostDatabase() {
        assertThat(ApiExceptionHandler.lostDatabase(new IllegalStateException(
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
                .isTrue();
    }

    @Test
    void aCommitCutOffWhoseRollbackThenFailsOnTheClosedConnectionIsALostDatabase() {
        assertThat(ApiExceptionHandler.lostDatabase(new TransactionSystemException("JDBC rollback failed",
                                                                                   new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aConstraintViolationOrABugIsNot() {
        assertThat(ApiExceptionHandler.lostDatabase(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(ApiExceptionHandler.lostDatabase(new NullPointerException())).isFalse();
    }
}
