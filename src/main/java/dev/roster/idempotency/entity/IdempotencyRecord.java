package dev.roster.idempotency.entity;

import dev.roster.platform.Clock;
import dev.roster.platform.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A write sent with an {@code Idempotency-Key}: which request it was (its fingerprint), whether it still runs, and the
 * answer it got, replayed to every retry until the record expires. The body is stored sealed
 * ({@code platform.SecretBox}): an answer may carry a secret shown once (a new API key, an invitation's link).
 */
@Entity
@Table(name = "idempotency_records")
@IdClass(IdempotencyRecord.Key.class)
@NamedQuery(name = IdempotencyRecord.EXPIRED, query = "DELETE FROM IdempotencyRecord r WHERE r.expiresAt < :now")
public class IdempotencyRecord {

    public static final String EXPIRED = "IdempotencyRecord.expired";

    /** The platform's own paths (the operator's), which belong to no tenant. */
    public static final String PLATFORM = "-";

    public enum State { RUNNING, COMPLETED }

    /** A key is the caller's, in its tenant. */
    public record Key(String tenantId, String callerId, String key) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    @Column(name = "caller_id")
    private String callerId;
    @Id
    @Column(name = "idem_key")
    private String key;
    private String fingerprint;
    private String state;
    private Integer status;
    private String headers;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(Key key, String fingerprint, Duration retention) {
        this.tenantId = key.tenantId();
        this.callerId = key.callerId();
        this.key = key.key();
        this.fingerprint = fingerprint;
        this.state = State.RUNNING.name();
        this.createdAt = Clock.now();
        this.expiresAt = createdAt.plus(retention);
    }

    public String fingerprint() { return fingerprint; }
    public State state() { return State.valueOf(state); }
    public int status() { return status; }
    /** The answer's headers, one {@code name: value} a line. */
    public String headers() { return headers; }
    /** The answer's body, in clear (it may hold a secret shown once, such as a new API key's). */
    public String body() { return body == null ? null : SecretBox.open(body, sealContext()); }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }

    /** A claim that never completed in this long was the request of an instance that died before it committed. */
    public static final Duration ABANDONED = Duration.ofMinutes(10);

    public boolean abandoned() {
        return state() == State.RUNNING && createdAt.plus(ABANDONED).isBefore(Clock.now());
    }

    public boolean expired() {
        return expiresAt.isBefore(Clock.now());
    }

    /** What a stored body is sealed for: this key of this caller only. */
    private String sealContext() {
        return "idempotency:" + tenantId + ":" + callerId + ":" + key;
    }

    public void completed(int answerStatus, String answerHeaders, String answerBody) {
        state = State.COMPLETED.name();
        status = answerStatus;
        headers = answerHeaders;
        body = answerBody == null ? null : SecretBox.seal(answerBody, sealContext());
    }
}
