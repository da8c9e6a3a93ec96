package org.commitmentledger.command.idempotency;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends a command on behalf of an HTTP request, with the request's Idempotency-Key (if any) and a digest of what was
 * asked, so that {@link Idempotency} (which Axon registers on the command bus, inside the command's transaction)
 * can recognise a retry.
 */
@Component
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer given again to a retry: nothing new was recorded. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern ACCEPTED_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final CommandGateway gateway;
    private final JsonMapper json;

    IdempotentCommands(CommandGateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    /**
     * @param idempotencyKey the request's Idempotency-Key header, or null
     * @param operation      what was asked (method and path)
     * @param request        the request body as parsed
     */
    public <R> R send(Object command, String idempotencyKey, String operation, Object request) {
        if (idempotencyKey == null) {
            return gateway.sendAndWait(command);
        }
        if (!ACCEPTED_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem(HEADER,
                    "must be 1 to 200 visible ASCII characters")));
        }
        MetaData metadata = MetaData.from(Map.of(
                Idempotency.KEY, idempotencyKey,
                Idempotency.REQUEST_HASH, digest(operation + "\n" + json.writeValueAsString(request))));
        Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        if (result instanceof Idempotency.Replayed replayed) {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    && attributes.getResponse() != null) {
                attributes.getResponse().setHeader(REPLAYED_HEADER, "true");
            }
            return cast(replayed.result());
        }
        return cast(result);
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(Object result) {
        return (R) result;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
