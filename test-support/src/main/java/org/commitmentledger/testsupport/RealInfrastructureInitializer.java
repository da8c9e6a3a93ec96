package org.commitmentledger.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Points a Spring context at a fresh database on the shared PostgreSQL and at the shared Kafka broker. Each server is
 * started only when the context first asks for it, so a context that never talks to Kafka never starts a broker.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** What a test sets itself (@DynamicPropertySource, @SpringBootTest properties) wins over the defaults here. */
    private static final Set<String> TEST_SOURCES = Set.of("Dynamic Test Properties", "Inlined Test Properties");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Supplier<Object>> properties = Map.of(
                "spring.datasource.url", infrastructure::newDatabase,
                "spring.datasource.username", infrastructure::postgresUser,
                "spring.datasource.password", () -> infrastructure.postgresPassword() == null
                        ? "" : infrastructure.postgresPassword(),
                "ledger.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers,
                "ledger.kafka.topic-prefix", () -> "test-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        LazyPropertySource infrastructureSource = new LazyPropertySource(properties);
        String lastTestSource = null;
        for (PropertySource<?> source : sources) {
            if (TEST_SOURCES.contains(source.getName())) {
                lastTestSource = source.getName();
            }
        }
        if (lastTestSource == null) {
            sources.addFirst(infrastructureSource);
        } else {
            sources.addAfter(lastTestSource, infrastructureSource);
        }
    }

    private static final class LazyPropertySource extends PropertySource<Map<String, Supplier<Object>>> {

        private final Map<String, Object> resolved = new ConcurrentHashMap<>();

        LazyPropertySource(Map<String, Supplier<Object>> suppliers) {
            super("real-test-infrastructure", suppliers);
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> supplier = getSource().get(name);
            return supplier == null ? null : resolved.computeIfAbsent(name, key -> supplier.get());
        }
    }
}
