package org.commitmentledger.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.commitmentledger.platform.web.CorrelationIdFilter;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who appended an event and why: every command carries the caller's name and the request's correlation id, and
 * every event it causes records both, plus the id of the command as its causation id. No credential is ever copied.
 */
@Configuration(proxyBeanMethods = false)
public class CommandMetadata {

    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> callerOnEveryCommand() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Map<String, Object> metadata = new HashMap<>();
                    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                    if (caller != null && !command.getMetaData().containsKey(PRINCIPAL)) {
                        metadata.put(PRINCIPAL, caller.getName());
                    }
                    String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
                    if (correlationId != null && !command.getMetaData().containsKey(CORRELATION_ID)) {
                        metadata.put(CORRELATION_ID, correlationId);
                    }
                    return command.andMetaData(metadata);
                };
            }
        };
    }

    @Bean
    CorrelationDataProvider callerAndCausation() {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                Map<String, Object> data = new HashMap<>();
                copy(message, PRINCIPAL, data);
                copy(message, CORRELATION_ID, data);
                data.put(CAUSATION_ID, message.getIdentifier());
                return data;
            }
        };
    }

    private static void copy(Message<?> message, String key, Map<String, Object> data) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
