package dev.roster.audit.entity;

import dev.roster.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change: who did what to which target, when, in which request, and what changed (never a secret). */
@Entity
@Table(name = "audit_events")
@NamedQuery(name = AuditEvent.OF_TENANT, query = "SELECT e FROM AuditEvent e WHERE e.tenantId = :tenant "
        + "ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEvent {

    public static final String OF_TENANT = "AuditEvent.ofTenant";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "actor_id")
    private String actorId;
    private String actor;
    private String action;
    @Column(name = "target_type")
    private String targetType;
    @Column(name = "target_id")
    private String targetId;
    private String target;
    @Column(name = "request_id")
    private String requestId;
    private String changes;

    protected AuditEvent() {
    }

    public AuditEvent(String tenantId, Instant occurredAt, String actorId, String actor, String action,
                      String targetType, String targetId, String target, String requestId, String changes) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.target = target;
        this.requestId = requestId;
        this.changes = changes;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public Instant occurredAt() { return occurredAt; }
    public String actorId() { return actorId; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String targetType() { return targetType; }
    public String targetId() { return targetId; }
    public String target() { return target; }
    public String requestId() { return requestId; }
    public String changes() { return changes; }
}
