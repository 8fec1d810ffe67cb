package fr.gouv.conventions.api.security;

import fr.gouv.conventions.api.problems.ProblemWriter;
import fr.gouv.conventions.api.settings.ConventionsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static fr.gouv.conventions.api.problems.ProblemWriter.problem;

/**
 * Who may do what: administrators command, auditors read everything, reporters read engagements and reports.
 * People authenticate with HTTP Basic against the configured users, or with an OAuth2/OIDC bearer token when a
 * JWT issuer or key is configured. Refusals are problem answers: 401 UNAUTHENTICATED, 403 FORBIDDEN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, ConventionsProperties settings,
                            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"conventions\"");
            if (jwtDecoder.getIfAvailable() != null) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            problems.write(request, response, problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authenticate with HTTP Basic or a bearer token"));
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.write(request, response,
                problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this request"));

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/conventions/*/history", "/api/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/reports/**")
                        .hasAnyRole(Role.REPORTER.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.decoder(new VerifiedTokens(jwtDecoder.getObject(), 1000, Duration.ofMinutes(5)))
                            .jwtAuthenticationConverter(token -> authentication(token, settings.security().jwt()))));
        }
        return http.build();
    }

    /**
     * No Micrometer observation around each of the security filters, authentications and authorizations: they
     * cost more CPU per request than the command (BENCHMARKS.md#no-security-observations). Requests are still observed
     * as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's strict firewall, checking names and values as it does by default, with a loop instead of
     * a regular expression ({@link PrintableText}).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PrintableText.NAME);
        firewall.setAllowedHeaderValues(PrintableText.HEADER_VALUE);
        firewall.setAllowedParameterNames(PrintableText.NAME);
        return firewall;
    }

    /**
     * Requests the firewall refuses (a path with {@code ..} or {@code ;}, an unusual method such as TRACE) are
     * answered with a problem like any other refusal: 405 for a method, 400 otherwise.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            boolean usualMethod = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                    .contains(request.getMethod());
            problems.write(request, response, usualMethod
                    ? problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", rejected.getMessage())
                    : problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "The method " + request.getMethod() + " is not allowed"));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(ConventionsProperties settings, PasswordEncoder encoder) throws IOException {
        ConventionsProperties.Security properties = settings.security();
        List<UserDetails> users = new ArrayList<>();
        for (ConventionsProperties.Security.User user : properties.users()) {
            users.add(User.withUsername(user.name()).password(user.passwordHash())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        if (users.isEmpty() && properties.generatedUsers()) {
            Properties passwords = GeneratedUsers.load(properties.credentialsFile());
            for (String name : passwords.stringPropertyNames()) {
                users.add(User.withUsername(name).password(encoder.encode(passwords.getProperty(name)))
                        .roles(GeneratedUsers.rolesOf(name).stream().map(Role::name).toArray(String[]::new)).build());
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static AbstractAuthenticationToken authentication(Jwt token, ConventionsProperties.Security.Jwt mapping) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Object claim = token.getClaims().get(mapping.rolesClaim());
        if (claim instanceof Collection<?> roles) {
            for (Object role : roles) {
                String name = String.valueOf(role).toUpperCase();
                if (List.of(Role.values()).stream().anyMatch(known -> known.name().equals(name))) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
                }
            }
        }
        String principal = token.getClaimAsString(mapping.principalClaim());
        return new JwtAuthenticationToken(token, authorities, principal != null ? principal : token.getSubject());
    }
}
