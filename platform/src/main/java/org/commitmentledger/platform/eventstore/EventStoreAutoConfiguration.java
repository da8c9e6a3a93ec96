package org.commitmentledger.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Wires the ledger's PostgreSQL event store into Axon for any service that puts this module on its class path.
 * <p>
 * Ordered between Boot's data source and transaction manager and Axon's own JDBC and transaction configuration: on
 * Boot 4, Axon's conditions would otherwise be evaluated before the data source exists, and Axon would fall back to a
 * no-op transaction manager, losing the one-transaction guarantee between read models and tokens.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"
        })
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    @Bean
    EventStoreSchema eventStoreSchema(DataSource dataSource) {
        return EventStoreSchema.migrate(dataSource);
    }

    @Bean
    @DependsOn("eventStoreSchema")
    PostgresEventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer defaultSerializer,
                                          Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreProperties properties) {
        return PostgresEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(properties.batchSize())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    @DependsOn("eventStoreSchema")
    EventLog eventLog(DataSource dataSource) {
        return new EventLog(dataSource);
    }

    @Bean
    EventLogVerifier eventLogVerifier(EventLog eventLog) {
        return new EventLogVerifier(eventLog);
    }

    @Bean
    @DependsOn("eventStoreSchema")
    @ConditionalOnExpression("${ledger.event-store.checkpoint-every:0} > 0")
    CheckpointWriter checkpointWriter(DataSource dataSource, EventStoreProperties properties) {
        return new CheckpointWriter(dataSource, properties.checkpointEvery(), properties.checkpointInterval());
    }

    @Bean
    @DependsOn("eventStoreSchema")
    AppendNotifications appendNotifications(DataSource dataSource, EventStoreProperties properties) {
        return AppendNotifications.start(dataSource, properties.lookAgainInterval());
    }

    @Bean(name = "eventBus")
    NotifiedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  AppendNotifications appendNotifications) {
        return NotifiedEventStore.create(storageEngine,
                                         configuration.messageMonitor(EventStore.class, "eventStore"),
                                         configuration.getComponent(EventBusSpanFactory.class),
                                         appendNotifications);
    }

    @Bean(destroyMethod = "close")
    @DependsOn("eventStoreSchema")
    SegmentBalancer segmentBalancer(@Value("${spring.application.name:ledger}") String service, DataSource dataSource,
                                    EventProcessingConfiguration processing, TokenStore tokenStore) {
        return new SegmentBalancer(service, JdbcClient.create(dataSource), processing, tokenStore,
                                   Duration.ofSeconds(2)).start();
    }

    /**
     * A handler that throws must stop its processor and retry, never be logged and skipped: a skipped event would be a
     * hole in a read model or on Kafka.
     */
    @Bean
    ConfigurerModule handlerErrorsStopTheProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken)));
    }

    /**
     * Axon's replay token holds the token it wraps as a polymorphic field; Jackson 3 refuses such fields unless the
     * allowed types are named. Only Axon's and the ledger's own types are.
     */
    @Bean
    Jackson3SerializerCustomizer trustedTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.commitmentledger.")
                .build());
    }

    @Bean
    TokenSchema tokenSchema(EventStoreProperties properties) {
        return TokenSchema.builder()
                .setTokenTable(properties.tokenTable())
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
