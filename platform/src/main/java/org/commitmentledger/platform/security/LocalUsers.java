package org.commitmentledger.platform.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The local run's users. Their passwords are public (they are in the README), so the service refuses to start with
 * them unless it listens on a loopback address only.
 */
final class LocalUsers {

    private LocalUsers() {
    }

    /**
     * Only a {@link UserDetailsService}: were it the manager itself, Spring Security would "upgrade" each password to
     * BCrypt at its first use, and every later request would spend about 90 ms of CPU checking a public password.
     */
    static UserDetailsService create(String serverAddress) {
        requireLoopback(serverAddress);
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("monitor").password("{noop}monitor-local").roles(Roles.MONITOR).build(),
                User.withUsername("auditor").password("{noop}auditor-local").roles(Roles.AUDITOR).build(),
                User.withUsername("admin").password("{noop}admin-local").roles(Roles.ADMIN).build());
        return users::loadUserByUsername;
    }

    static void requireLoopback(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new IllegalStateException("ledger.security.local-users is on, but server.address is not set, so "
                    + "the service would listen on every interface; set server.address=127.0.0.1 or turn the local "
                    + "users off");
        }
        try {
            if (!InetAddress.getByName(serverAddress).isLoopbackAddress()) {
                throw new IllegalStateException("ledger.security.local-users is on, but server.address="
                        + serverAddress + " is not a loopback address; the local users may only serve loopback");
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("server.address " + serverAddress + " does not resolve", e);
        }
    }
}
