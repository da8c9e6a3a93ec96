package org.commitmentledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmentledger.command.web.CommandMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Makes a command carrying an idempotency key take effect once. The answer is stored with the events, in the same
 * transaction; a retry with the same key and the same request gets that answer back and records nothing, a retry with
 * another request is refused. Requests with the same key wait for each other (a transaction-scoped advisory lock), so
 * two copies sent at once also record once.
 */
@Component
public class Idempotency implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String REQUEST_HASH = "requestHash";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Idempotency(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        if (key == null) {
            return chain.proceed();
        }
        String principal = String.valueOf(command.getMetaData().get(CommandMetadata.PRINCIPAL));
        String requestHash = String.valueOf(command.getMetaData().get(REQUEST_HASH));
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:principal || ':' || :key, 0))")
                .param("principal", principal).param("key", key.toString())
                .query((row, n) -> 1).list();
        Optional<Stored> stored = jdbc.sql("""
                        select request_hash, result_type, result::text as result from command.idempotency_key
                        where principal = :principal and key = :key""")
                .param("principal", principal).param("key", key.toString())
                .query((row, n) -> new Stored(row.getString("request_hash"), row.getString("result_type"),
                                              row.getString("result")))
                .optional();
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException(key.toString());
            }
            return new Replayed(json.readValue(stored.get().result(), Class.forName(stored.get().resultType())));
        }
        Object result = chain.proceed();
        unitOfWork.onPrepareCommit(u -> jdbc.sql("""
                        insert into command.idempotency_key (principal, key, request_hash, result_type, result)
                        values (:principal, :key, :hash, :type, cast(:result as jsonb))""")
                .param("principal", principal).param("key", key.toString()).param("hash", requestHash)
                .param("type", result.getClass().getName()).param("result", json.writeValueAsString(result))
                .update());
        return result;
    }

    private record Stored(String requestHash, String resultType, String result) {
    }

    /** The answer of an earlier request with the same key, given again. */
    record Replayed(Object result) {
    }
}
