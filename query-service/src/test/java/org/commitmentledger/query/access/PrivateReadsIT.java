package org.commitmentledger.query.access;

import org.commitmentledger.query.QueryServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** With public reads switched off, reading needs a login, any role. */
@QueryServiceIT
@TestPropertySource(properties = "ledger.security.public-reads=false")
class PrivateReadsIT {

    @Autowired
    RestTestClient http;

    @Test
    void anonymousReadsAreRefusedAndAnyRoleMayRead() {
        http.get().uri("/api/commitments").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/commitments").headers(h -> h.setBasicAuth("auditor", "auditor-local")).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/summary").headers(h -> h.setBasicAuth("monitor", "monitor-local")).exchange()
                .expectStatus().isOk();
    }
}
