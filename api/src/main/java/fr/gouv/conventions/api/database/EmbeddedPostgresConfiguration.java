package fr.gouv.conventions.api.database;

import com.zaxxer.hikari.HikariDataSource;
import fr.gouv.conventions.api.settings.ConventionsProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The default database: with no {@code spring.datasource.url}, the service starts a real PostgreSQL 17 from the
 * zonky binaries, with its data in a folder on disk, so that a restart keeps every event, and every commit on disk
 * before the command is answered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ConventionsProperties settings) throws IOException {
        ConventionsProperties.EmbeddedPostgres properties = settings.embeddedPostgres();
        Files.createDirectories(properties.dataDirectory());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory().toFile())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupWait())
                // zonky starts PostgreSQL for tests: with fsync off (-F), a crash of the machine can corrupt the
                // database; with synchronous_commit off, a commit is answered before its WAL is on disk, and a crash
                // loses events whose commands were already answered. This service keeps legal commitments.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        log.info("Embedded PostgreSQL 17 ready at {} with its data in {}",
                postgres.getJdbcUrl(USER, DATABASE), properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(USER, DATABASE));
        dataSource.setUsername(USER);
        return dataSource;
    }
}
