package org.commitmentledger.query.commitment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.spring.JqwikSpringSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentEvent;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.CommitmentReaffirmed;
import org.commitmentledger.events.CommitmentRevised;
import org.commitmentledger.events.CommitmentWithdrawn;
import org.commitmentledger.events.LedgerEvent;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.ProgressReportCorrected;
import org.commitmentledger.events.ProgressReportRetracted;
import org.commitmentledger.events.ProgressReported;
import org.commitmentledger.events.ProgressStatus;
import org.commitmentledger.events.ReportId;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;
import org.commitmentledger.platform.eventstore.EventLog;
import org.commitmentledger.platform.eventstore.LoggedEvent;
import org.commitmentledger.query.LedgerEvents;
import org.commitmentledger.query.QueryServiceIT;
import org.commitmentledger.query.web.TimePoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read model's index lookups answer exactly what a replay of the raw log answers, for random valid histories
 * (backdated facts, corrections, retractions, revisions, withdrawals, reaffirmations) read at random points of both
 * time axes: at, between and just around the instants the events were recorded, and around their effective dates.
 * <p>
 * Each try waits for the pooled processor to project its events, which it hears of as soon as they are appended: 200
 * tries take about 20 s.
 */
@JqwikSpringSupport
@QueryServiceIT
class ReadModelMatchesReplayIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger COMMITMENTS = new AtomicInteger();
    private static final LocalDate FIRST_MADE_ON = LocalDate.of(2019, 6, 7);
    // A document of its own: other tests filter the shared read model by document.
    private static final Source SOURCE = new Source("replay-property-test.txt", "Joint statement",
            LocalDate.of(2023, 5, 2), null, "Fifth");
    private static final Source NOTE = new Source("monitor-note", null, null, null, null);
    private static final List<String> TITLES = List.of("Finalize the Calexico East port expansion",
            "Finalize the \"Calexico East\" port, phase 2", "Ampliar el puerto de Calexico — fase 3 ✓");
    private static final List<String> DESCRIPTIONS = List.of("Both governments fund it", "Funded, line 1\nline 2");
    private static final List<String> SUMMARIES = List.of("Permit approved", "Permit still pending",
            "Obra en curso, 40%", "Done");
    // Scale and notation vary on purpose: both paths read numbers back from jsonb.
    private static final List<BigDecimal> QUANTITIES = Arrays.asList(null, BigDecimal.ZERO, new BigDecimal("1.50"),
            new BigDecimal("1E+3"), new BigDecimal("40000"), new BigDecimal("40000.0"),
            new BigDecimal("99999999999999999999.99"));
    private static final List<Target> TARGETS = List.of(new Target(new BigDecimal("100000"), "people"),
            new Target(BigDecimal.ZERO, "people"), new Target(new BigDecimal("4E+7"), "USD", "40,OOO,OOO", true));
    private static final List<Integer> DUE_DAYS = List.of(0, 30, 365, 1000);

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventLog eventLog;

    @Autowired
    CommitmentQueries queries;

    @Autowired
    CommitmentReplay replay;

    @Property(tries = 200)
    void theReadModelAnswersWhatAReplayOfTheLogAnswers(@ForAll("histories") History history,
                                                       @ForAll("readPoints") List<ReadPoint> reads) {
        CommitmentId id = new CommitmentId("replayed-" + RUN + "-" + COMMITMENTS.incrementAndGet());
        List<CommitmentEvent> events = history.events(id);
        new LedgerEvents(eventStore).record(events.toArray(LedgerEvent[]::new));
        awaitProjected(id, events.size());
        List<LoggedEvent> logged = new ArrayList<>();
        eventLog.read(EventLog.Query.all().stream(id.value()), logged::add);
        List<Instant> knownAts = knownAtsAround(logged);
        List<LocalDate> asOfs = asOfsAround(logged);

        for (ReadPoint read : reads) {
            TimePoint at = new TimePoint(asOfs.get(read.asOf() % asOfs.size()),
                                         knownAts.get(read.knownAt() % knownAts.size()));
            assertThat(queries.one(id.value(), at)).as("%s at %s, recorded %s", events, at, logged)
                    .isEqualTo(replay.at(id.value(), at));
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 1, 30, 31, 365)),
                Tuple.of(2, Arbitraries.integers().between(0, 730)));
        Arbitrary<Action> actions = Combinators.combine(
                Arbitraries.frequency(Tuple.of(6, Kind.REPORT), Tuple.of(4, Kind.CORRECT), Tuple.of(2, Kind.RETRACT),
                                      Tuple.of(3, Kind.REVISE), Tuple.of(2, Kind.REAFFIRM),
                                      Tuple.of(1, Kind.WITHDRAW)),
                days, Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 999))
                .as(Action::new);
        return Combinators.combine(
                Arbitraries.integers().between(0, 2000), Arbitraries.integers().between(-1, TARGETS.size() - 1),
                Arbitraries.integers().between(-1, DUE_DAYS.size() - 1),
                actions.list().ofMinSize(1).ofMaxSize(16).withSizeDistribution(RandomDistribution.uniform()))
                .as((madeOn, target, due, list) -> new History(
                        FIRST_MADE_ON.plusDays(madeOn), target < 0 ? null : TARGETS.get(target),
                        due < 0 ? null : FIRST_MADE_ON.plusDays(madeOn + DUE_DAYS.get(due)), list));
    }

    @Provide
    Arbitrary<List<ReadPoint>> readPoints() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 9999);
        return Combinators.combine(pick, pick).as(ReadPoint::new).list().ofSize(32);
    }

    /** Before the first recording, at each, a nanosecond and a microsecond either side, between two, long after. */
    private static List<Instant> knownAtsAround(List<LoggedEvent> logged) {
        Set<Instant> instants = new LinkedHashSet<>();
        instants.add(logged.get(0).recordedAt().minusMillis(1));
        for (int i = 0; i < logged.size(); i++) {
            Instant recorded = logged.get(i).recordedAt();
            instants.addAll(List.of(recorded, recorded.minusNanos(1), recorded.plusNanos(1), recorded.minusNanos(1000),
                                    recorded.plusNanos(1000)));
            if (i + 1 < logged.size()) {
                Instant next = logged.get(i + 1).recordedAt();
                instants.add(recorded.plus(Duration.between(recorded, next).dividedBy(2)));
            }
        }
        instants.add(logged.get(logged.size() - 1).recordedAt().plusSeconds(3600));
        return List.copyOf(instants);
    }

    /** Each effective date and the days either side, the first and last days a reader may ask about. */
    private static List<LocalDate> asOfsAround(List<LoggedEvent> logged) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (LoggedEvent event : logged) {
            LocalDate effectiveOn = event.effectiveOn();
            days.addAll(List.of(effectiveOn.minusDays(1), effectiveOn, effectiveOn.plusDays(1)));
        }
        days.addAll(List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)));
        return List.copyOf(days);
    }

    private void awaitProjected(CommitmentId id, int events) {
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.sql("select count(*) from query.commitment_event where commitment_id = :id")
                        .param("id", id.value()).query(Long.class).single() == events);
    }

    enum Kind { REPORT, CORRECT, RETRACT, REVISE, REAFFIRM, WITHDRAW }

    /** What a monitor tries to record; {@code report} picks a live report, {@code variant} the values. */
    record Action(Kind kind, int day, int report, int variant) {
    }

    record ReadPoint(int asOf, int knownAt) {
    }

    /**
     * A commitment and what monitors try to record about it, turned into the events the aggregate would accept: the
     * same rules, checked against the same state (applied in recorded order). An action it would refuse becomes the
     * nearest one it accepts: after a withdrawal, a correction of a live report or else a reaffirmation; a correction
     * or retraction with no live report to name, a new report (a reaffirmation once withdrawn); a revision that
     * changes nothing, a reaffirmation.
     */
    record History(LocalDate madeOn, Target target, LocalDate dueBy, List<Action> actions) {

        List<CommitmentEvent> events(CommitmentId id) {
            List<CommitmentEvent> events = new ArrayList<>();
            events.add(new CommitmentMade(id, TITLES.get(0), null, List.of(new Party("US"), new Party("MX")),
                                          Category.BORDER_INFRASTRUCTURE, madeOn, target, dueBy, SOURCE));
            Map<ReportId, Boolean> retracted = new LinkedHashMap<>();
            boolean withdrawn = false;
            String title = TITLES.get(0);
            String description = null;
            Target currentTarget = target;
            LocalDate currentDueBy = dueBy;
            for (Action action : actions) {
                LocalDate on = madeOn.plusDays(action.day());
                int v = action.variant();
                List<ReportId> live = retracted.entrySet().stream().filter(entry -> !entry.getValue())
                        .map(Map.Entry::getKey).toList();
                ReportId named = live.isEmpty() ? null : live.get(action.report() % live.size());
                String newTitle = (v & 1) == 0 ? null : TITLES.get((v >> 4) % TITLES.size());
                String newDescription = (v & 2) == 0 ? null : DESCRIPTIONS.get((v >> 4) % DESCRIPTIONS.size());
                Target newTarget = (v & 4) == 0 ? null : TARGETS.get((v >> 4) % TARGETS.size());
                LocalDate newDueBy = (v & 8) == 0 ? null : madeOn.plusDays(DUE_DAYS.get((v >> 4) % DUE_DAYS.size()));
                Kind kind = action.kind();
                if (withdrawn && (kind == Kind.REPORT || kind == Kind.REVISE || kind == Kind.WITHDRAW)) {
                    kind = named == null ? Kind.REAFFIRM : Kind.CORRECT;
                }
                if ((kind == Kind.CORRECT || kind == Kind.RETRACT) && named == null) {
                    kind = withdrawn ? Kind.REAFFIRM : Kind.REPORT;
                }
                if (kind == Kind.REVISE && !(changes(newTitle, title) || changes(newDescription, description)
                        || changes(newTarget, currentTarget) || changes(newDueBy, currentDueBy))) {
                    kind = Kind.REAFFIRM;
                }
                switch (kind) {
                    case REPORT -> {
                        ReportId report = new ReportId("report-" + retracted.size());
                        retracted.put(report, false);
                        events.add(new ProgressReported(id, report, on, status(v), quantity(v),
                                                        v % 3 == 0 ? "as printed " + v : null, v % 5 == 0,
                                                        summary(v), v % 2 == 0 ? SOURCE : NOTE,
                                                        v % 4 == 0 ? null : "monitor"));
                    }
                    case CORRECT -> events.add(new ProgressReportCorrected(id, named, on, status(v / 7),
                                                                           quantity(v / 7), null, v % 2 == 0,
                                                                           summary(v / 7), NOTE, "auditor",
                                                                           "misread"));
                    case RETRACT -> {
                        retracted.put(named, true);
                        events.add(new ProgressReportRetracted(id, named, on, NOTE, "wrong commitment"));
                    }
                    case REVISE -> {
                        events.add(new CommitmentRevised(id, on, newTitle, newDescription, newTarget, newDueBy,
                                                         SOURCE, "revised"));
                        title = newTitle == null ? title : newTitle;
                        description = newDescription == null ? description : newDescription;
                        currentTarget = newTarget == null ? currentTarget : newTarget;
                        currentDueBy = newDueBy == null ? currentDueBy : newDueBy;
                    }
                    case REAFFIRM -> events.add(new CommitmentReaffirmed(id, on, SOURCE, "communique"));
                    case WITHDRAW -> {
                        withdrawn = true;
                        events.add(new CommitmentWithdrawn(id, on, SOURCE, "superseded"));
                    }
                }
            }
            return events;
        }

        private static ProgressStatus status(int variant) {
            return ProgressStatus.values()[variant % ProgressStatus.values().length];
        }

        private static BigDecimal quantity(int variant) {
            return QUANTITIES.get(variant % QUANTITIES.size());
        }

        private static String summary(int variant) {
            return SUMMARIES.get(variant % SUMMARIES.size());
        }

        private static boolean changes(Object proposed, Object current) {
            return proposed != null && !Objects.equals(proposed, current);
        }
    }
}
