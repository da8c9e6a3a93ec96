package org.commitmentledger.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.commitmentledger.testsupport.TestInfrastructure;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database with the event store's schema, and a storage engine on it, for one test. */
final class TestEventStores {

    private TestEventStores() {
    }

    static PGSimpleDataSource freshDatabase() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infrastructure.newDatabase());
        dataSource.setUser(infrastructure.postgresUser());
        dataSource.setPassword(infrastructure.postgresPassword());
        EventStoreSchema.migrate(dataSource);
        return dataSource;
    }

    static PostgresEventStorageEngine engine(PGSimpleDataSource dataSource, int batchSize) {
        return engine(new DataSourceConnectionProvider(dataSource), NoTransactionManager.INSTANCE, batchSize);
    }

    static PostgresEventStorageEngine engine(ConnectionProvider connections, TransactionManager transactions,
                                             int batchSize) {
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        return PostgresEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .batchSize(batchSize)
                .build();
    }
}
