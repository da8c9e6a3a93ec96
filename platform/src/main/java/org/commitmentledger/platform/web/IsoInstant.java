package org.commitmentledger.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

import java.time.Instant;

/**
 * An instant in a request, as ISO-8601 text only. Jackson reads any number as seconds since the epoch, whatever the
 * strict coercion settings say, so {@code 12} would silently mean 1970-01-01T00:00:12Z.
 */
public final class IsoInstant extends StdScalarDeserializer<Instant> {

    public IsoInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
