package org.commitmentledger.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The verifier's own copy of the chain rule the database applies at append ({@code event_store.chain_event}): an
 * auditor should not have to trust a function stored next to the data it vouches for.
 */
final class EventHashes {

    private static final DateTimeFormatter RECORDED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private EventHashes() {
    }

    static byte[] link(byte[] previous, LoggedEvent event) {
        MessageDigest sha256 = sha256();
        if (previous != null) {
            sha256.update(previous);
        }
        sha256.update(canonical(event).getBytes(StandardCharsets.UTF_8));
        return sha256.digest();
    }

    static String canonical(LoggedEvent event) {
        return String.join("\n",
                event.eventId(),
                event.streamId(),
                Long.toString(event.sequence()),
                event.payloadType(),
                event.payloadRevision() == null ? "" : event.payloadRevision(),
                RECORDED_AT.format(event.recordedAt()),
                event.effectiveOn() == null ? "" : event.effectiveOn().toString(),
                event.payload(),
                event.metaData());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
