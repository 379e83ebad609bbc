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

    @Column(name = "previous_secret_salt")
    private String previousSecretSalt;

    @Column(name = "previous_secret_hash")
    private String previousSecretHash;

    /** Until when (exclusive, database time) the previous secret is still accepted. */
    @Column(name = "previous_secret_until")
    private OffsetDateTime previousSecretUntil;

    @Column(name = "secret_rotated_at")
    private OffsetDateTime secretRotatedAt;

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

    /** The current secret, and the one it replaced while that is still valid. */
    public AppSecrets secrets() {
        boolean hasPrevious = previousSecretHash != null && previousSecretUntil != null;
        return new AppSecrets(
                secret(),
                hasPrevious ? new AppSecret(previousSecretSalt, previousSecretHash) : null,
                hasPrevious ? previousSecretUntil.toInstant() : null);
    }

    /**
     * Makes {@code next} the secret; the current one stays valid until {@code previousValidUntil} (exclusive). A
     * secret replaced before, whose grace may still run, is no longer accepted: there are two valid secrets at most.
     */
    public void rotateSecret(AppSecret next, Instant now, Instant previousValidUntil) {
        if (previousValidUntil.isBefore(now)) {
            throw new IllegalArgumentException("a grace cannot end before it starts");
        }
        previousSecretSalt = secretSalt;
        previousSecretHash = secretHash;
        previousSecretUntil = previousValidUntil.atOffset(ZoneOffset.UTC);
        secretSalt = next.salt();
        secretHash = next.hash();
        secretRotatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
