package dev.roster.operator;

import dev.roster.platform.Clock;
import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A platform operator: belongs to no tenant, manages tenants. */
@Entity
@Table(name = "operators")
@NamedQuery(name = Operator.BY_USERNAME, query = "SELECT o FROM Operator o WHERE o.username = :username")
@NamedQuery(name = Operator.COUNT, query = "SELECT COUNT(o) FROM Operator o")
public class Operator {

    public static final String BY_USERNAME = "Operator.byUsername";
    public static final String COUNT = "Operator.count";

    @Id
    private String id;
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Operator() {
    }

    public Operator(String username, String passwordHash) {
        this.id = Ids.next();
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = Clock.now();
        this.updatedAt = createdAt;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }

    @Override
    public boolean equals(Object other) {
        return other instanceof Operator operator && Objects.equals(id, operator.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
