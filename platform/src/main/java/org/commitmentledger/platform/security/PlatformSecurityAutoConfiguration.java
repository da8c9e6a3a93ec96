package org.commitmentledger.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;

/**
 * One access policy for both services, by URL convention:
 * <ul>
 *     <li>reads under {@code /api} are public (or need any authenticated caller if public reads are off);</li>
 *     <li>writes under {@code /api} need MONITOR;</li>
 *     <li>{@code /api/audit/**} and commitment histories need AUDITOR;</li>
 *     <li>{@code /api/admin/**} and the metrics endpoint need ADMIN.</li>
 * </ul>
 * Callers authenticate with a JWT (OAuth2 resource server, issuer from configuration) or, in the local run only, with
 * HTTP Basic as one of the local users.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties,
                                       ObjectProvider<JwtDecoder> jwtDecoder, JsonMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(
                json, properties.localUsers() ? "Basic realm=\"commitment-ledger\"" : "Bearer");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error", "/actuator/health/**", "/actuator/info",
                                             "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**",
                                             "/swagger-ui.html").permitAll()
                            .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                            .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                            .requestMatchers("/api/audit/**", "/api/commitments/*/history/**",
                                             "/api/commitments/*/history").hasRole(Roles.AUDITOR);
                    if (properties.publicReads()) {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                                .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll();
                    } else {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                                .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated();
                    }
                    requests.requestMatchers("/api/**").hasRole(Roles.MONITOR)
                            .anyRequest().denyAll();
                });
        if (properties.localUsers()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()));
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems.entryPoint())
                    .accessDeniedHandler(problems.accessDenied())
                    .jwt(jwt -> jwt.decoder(issuerOutagesAsServiceErrors(decoder))
                            .jwtAuthenticationConverter(rolesFrom(properties.rolesClaim())))
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(problems.bearerTokenFailure());
                            return filter;
                        }
                    }));
        }
        return http.build();
    }

    @Bean
    RequestRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return new ProblemAuthenticationHandlers(json, "").requestRejected();
    }

    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties,
                                   @Value("${server.address:#{null}}") String serverAddress) {
        if (properties.localUsers()) {
            return LocalUsers.create(serverAddress);
        }
        return username -> {
            throw new UsernameNotFoundException("no local users outside the local run");
        };
    }

    /**
     * An issuer that cannot be reached (discovery or key set) is the service's problem, not the caller's: a 503, as
     * when Spring Security cannot fetch a key set, instead of the 500 its lazily discovered decoder would cause.
     */
    private static JwtDecoder issuerOutagesAsServiceErrors(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new AuthenticationServiceException("the token issuer cannot be reached", e);
            }
        };
    }

    private static Converter<Jwt, ? extends AbstractAuthenticationToken> rolesFrom(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(claim);
            Collection<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return authorities;
        });
        return converter;
    }
}
