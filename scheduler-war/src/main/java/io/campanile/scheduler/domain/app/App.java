package io.campanile.scheduler.domain.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An app: the cluster of one business application's workers, with its jobs and its secret. */
@Entity
@Table(name = "app")
@SequenceGenerator(name = "app_seq", sequenceName = "app_seq", allocationSize = 20)
public class App {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "secret_salt", nullable = false)
    private String secretSalt;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected App() {}

    public App(String name, AppSecret secret, Instant createdAt) {
        this.name = name;
        this.secretSalt = secret.salt();
        this.secretHash = secret.hash();
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public String name() {
        return name;
    }

    public AppSecret secret() {
        return new AppSecret(secretSalt, secretHash);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
