package org.commitmentledger.command.commitment;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded commitments in memory, so that a command does not replay the commitment's whole history first: the
 * profiler found most of an append's time in deserializing earlier events. Axon evicts a commitment whose command
 * failed; with several command-service instances a cached commitment may be behind, and then the append collides
 * with the newer event (409, or 412 with If-Match), is evicted, and the retry sees the current state.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentCaching {

    static final String NAME = "commitmentCache";

    @Bean(NAME)
    Cache commitmentCache() {
        return new WeakReferenceCache();
    }
}
