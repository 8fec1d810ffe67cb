package fr.gouv.conventions.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void anotherDatabaseOfTheSamePostgresKeepsHostPortParametersAndUser() {
        Database.Address embedded = new Database.Address("jdbc:postgresql://localhost:54321/postgres?user=postgres",
                "postgres", "");
        Database.Address external = new Database.Address("jdbc:postgresql://127.0.0.1:5432/test", "bench", "secret");

        assertThat(embedded.of("bench_a")).isEqualTo(new Database.Address(
                "jdbc:postgresql://localhost:54321/bench_a?user=postgres", "postgres", ""));
        assertThat(external.of("bench_b")).isEqualTo(new Database.Address(
                "jdbc:postgresql://127.0.0.1:5432/bench_b", "bench", "secret"));
    }

    @Test
    void aUrlWithoutADatabaseNameIsRefused() {
        assertThatThrownBy(() -> new Database.Address("jdbc:postgresql://localhost:5432", "postgres", "")
                .of("bench_a")).isInstanceOf(IllegalArgumentException.class);
    }
}
