package org.commitmentledger.query.commitment;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmentledger.events.Category;
import org.commitmentledger.events.CommitmentId;
import org.commitmentledger.events.CommitmentMade;
import org.commitmentledger.events.Party;
import org.commitmentledger.events.Source;
import org.commitmentledger.events.Target;
import org.commitmentledger.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@RealInfrastructure
class CommitmentQueryIT {

    @Autowired
    RestTestClient http;

    @Autowired
    EventStore eventStore;

    @Test
    void showsARecordedCommitmentWithinASecond() {
        eventStore.publish(new GenericDomainEventMessage<>("Commitment", "family-reunification-parole", 0,
                new CommitmentMade(new CommitmentId("family-reunification-parole"),
                        "Family reunification parole for up to 100,000 people", null, List.of(new Party("US")),
                        Category.LEGAL_PATHWAYS, LocalDate.of(2023, 5, 2),
                        new Target(new BigDecimal("100000"), "people"), null,
                        new Source("000_b1c210631cfbef75.txt", "Joint statement", LocalDate.of(2023, 5, 2), null,
                                   "Third"))));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                http.get().uri("/api/commitments/family-reunification-parole").exchange()
                        .expectStatus().isOk()
                        .expectHeader().valueEquals("ETag", "\"0\"")
                        .expectBody()
                        .jsonPath("$.title").isEqualTo("Family reunification parole for up to 100,000 people")
                        .jsonPath("$.parties[0]").isEqualTo("US")
                        .jsonPath("$.target.quantity").isEqualTo(100000)
                        .jsonPath("$.source.locator").isEqualTo("Third"));
    }

    @Test
    void answersAnUnknownCommitmentWithAProblem() {
        http.get().uri("/api/commitments/no-such-commitment").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:commitment-ledger:problem:commitment-not-found");
    }
}
