package org.commitmentledger.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalUsersTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "localhost"})
    void serveALoopbackAddress(String address) {
        assertThatCode(() -> LocalUsers.create(address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "192.168.0.10"})
    void refuseEveryOtherAddress(String address) {
        assertThatThrownBy(() -> LocalUsers.create(address))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void refuseToListenOnEveryInterface() {
        assertThatThrownBy(() -> LocalUsers.create(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.address is not set");
    }

    @Test
    void keepAServiceFromStartingWithThemOnANonLoopbackAddress() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class))
                .withBean(JsonMapper.class, JsonMapper::shared)
                .withPropertyValues("ledger.security.local-users=true", "server.address=0.0.0.0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("is not a loopback address"));
    }

    @Test
    void letAServiceStartWithThemOnLoopback() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlatformSecurityAutoConfiguration.class))
                .withBean(JsonMapper.class, JsonMapper::shared)
                .withPropertyValues("ledger.security.local-users=true", "server.address=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(UserDetailsService.class));
    }

    @Test
    void offerNoPasswordUpgradeSoEveryRequestChecksThePlainPasswordCheaply() {
        assertThat(LocalUsers.create("127.0.0.1")).isNotInstanceOf(UserDetailsPasswordService.class);
        assertThat(LocalUsers.create("127.0.0.1").loadUserByUsername("monitor").getPassword()).startsWith("{noop}");
    }
}
