package org.commitmentledger.query.commitment;

import org.axonframework.serialization.Revision;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.platform.eventstore.EventLog;
import org.commitmentledger.platform.eventstore.LoggedEvent;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The slow, obvious path to where a commitment stands: its raw events, read from the log in the order they were
 * recorded, folded one by one, counting those recorded by {@code knownAt} that took effect by {@code asOf}. It shares
 * nothing with the read model but {@link CommitmentState#apply}, so audits can rely on it and tests can hold the read
 * model to it.
 */
@Component
class CommitmentReplay {

    private static final String STREAM_TYPE = "Commitment";

    private static final Map<String, Class<?>> EVENT_TYPES = Arrays
            .stream(CommitmentEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

    private final EventLog log;
    private final JsonMapper json;

    CommitmentReplay(EventLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    /**
     * One recorded event of a commitment and the state it left the commitment in at {@code asOf}: changed if the event
     * {@code counts} (took effect by then), the previous state otherwise; null while the commitment was not yet made.
     */
    record Step(LoggedEvent logged, CommitmentEvent event, boolean counts, CommitmentState state) {
    }

    /** Where the commitment stands at this point of both axes; empty if its CommitmentMade does not count there. */
    Optional<CommitmentState> at(String id, TimePoint at) {
        List<Step> steps = history(id, at);
        return steps.isEmpty() ? Optional.empty() : Optional.ofNullable(steps.get(steps.size() - 1).state());
    }

    /** Every event of the commitment recorded by {@code knownAt}, in recorded order, each with its effect at asOf. */
    List<Step> history(String id, TimePoint at) {
        List<Step> steps = new ArrayList<>();
        log.read(EventLog.Query.all().streamType(STREAM_TYPE).stream(id).recordedUntil(at.knownAt()), logged -> {
            if (recordedBy(logged, at)) {
                CommitmentState before = steps.isEmpty() ? null : steps.get(steps.size() - 1).state();
                steps.add(step(before, logged, at));
            }
        });
        return steps;
    }

    /** Every commitment at this point, by id, and the highest log position among the events recorded by knownAt. */
    Snapshot all(TimePoint at) {
        Map<String, CommitmentState> states = new TreeMap<>();
        long[] position = {0};
        log.read(EventLog.Query.all().streamType(STREAM_TYPE).recordedUntil(at.knownAt()), logged -> {
            if (recordedBy(logged, at)) {
                position[0] = Math.max(position[0], logged.position());
                CommitmentState state = step(states.get(logged.streamId()), logged, at).state();
                if (state != null) {
                    states.put(logged.streamId(), state);
                }
            }
        });
        return new Snapshot(position[0], List.copyOf(states.values()));
    }

    record Snapshot(long position, List<CommitmentState> states) {
    }

    /**
     * The log's own filter is only a narrowing: the driver rounds the instant to microseconds, so the exact comparison
     * is made here.
     */
    private static boolean recordedBy(LoggedEvent logged, TimePoint at) {
        return !logged.recordedAt().isAfter(at.knownAt());
    }

    private Step step(CommitmentState before, LoggedEvent logged, TimePoint at) {
        CommitmentEvent event = event(logged);
        boolean counts = !logged.effectiveOn().isAfter(at.asOf())
                && (before != null || event instanceof CommitmentMade);
        CommitmentState after = counts ? CommitmentState.apply(before, event, logged.sequence(), logged.position())
                : before;
        return new Step(logged, event, counts, after);
    }

    private CommitmentEvent event(LoggedEvent logged) {
        Class<?> type = EVENT_TYPES.get(logged.payloadType());
        if (type == null) {
            throw new IllegalStateException("event " + logged.eventId() + " of commitment " + logged.streamId()
                    + " has type " + logged.payloadType() + ", which is not a commitment event");
        }
        String revision = type.getAnnotation(Revision.class).value();
        if (!revision.equals(logged.payloadRevision())) {
            throw new IllegalStateException("event " + logged.eventId() + " is " + logged.payloadType() + " revision "
                    + logged.payloadRevision() + "; the replay reads revision " + revision + " only");
        }
        return (CommitmentEvent) json.readValue(logged.payload(), type);
    }
}
