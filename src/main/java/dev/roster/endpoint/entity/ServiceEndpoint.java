package dev.roster.endpoint.entity;

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

/** An integration endpoint of a tenant. The three secrets are held as AES-GCM ciphertext only. */
@Entity
@Table(name = "service_endpoints")
@NamedQuery(name = ServiceEndpoint.OF_TENANT,
        query = "SELECT e FROM ServiceEndpoint e WHERE e.tenantId = :tenant ORDER BY e.registeredAt, e.id")
@NamedQuery(name = ServiceEndpoint.COUNT_OF_TENANT,
        query = "SELECT COUNT(e) FROM ServiceEndpoint e WHERE e.tenantId = :tenant")
public class ServiceEndpoint {

    public static final String OF_TENANT = "ServiceEndpoint.ofTenant";
    public static final String COUNT_OF_TENANT = "ServiceEndpoint.countOfTenant";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "endpoint_type_id")
    private int endpointTypeId;
    private String url;
    @Column(name = "user_name")
    private String userName;
    @Column(name = "password_enc")
    private String passwordEnc;
    @Column(name = "prov_user_name")
    private String provUserName;
    @Column(name = "prov_password_enc")
    private String provPasswordEnc;
    @Column(name = "prov_port")
    private Integer provPort;
    @Column(name = "api_key_enc")
    private String apiKeyEnc;
    @Column(name = "message_handler")
    private String messageHandler;
    private String exchange;
    @Column(name = "binding_key")
    private String binding;
    private boolean active;
    private boolean durable;
    private String vhost;
    @Column(name = "active_from")
    private Instant activeFrom;
    @Column(name = "active_until")
    private Instant activeUntil;
    @Column(name = "registered_by")
    private String registeredBy;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected ServiceEndpoint() {
    }

    public ServiceEndpoint(String tenantId, String registeredBy) {
        this.id = Ids.next();
        this.tenantId = tenantId;
        this.registeredBy = registeredBy;
        this.registeredAt = Clock.now();
        this.updatedAt = registeredAt;
        this.active = true;
        this.durable = true;
    }

    public void type(int endpointTypeId) { this.endpointTypeId = endpointTypeId; }
    public void url(String url) { this.url = url; }
    public void userName(String userName) { this.userName = userName; }
    public void passwordEnc(String passwordEnc) { this.passwordEnc = passwordEnc; }
    public void provUserName(String provUserName) { this.provUserName = provUserName; }
    public void provPasswordEnc(String provPasswordEnc) { this.provPasswordEnc = provPasswordEnc; }
    public void provPort(Integer provPort) { this.provPort = provPort; }
    public void apiKeyEnc(String apiKeyEnc) { this.apiKeyEnc = apiKeyEnc; }
    public void messageHandler(String messageHandler) { this.messageHandler = messageHandler; }
    public void exchange(String exchange) { this.exchange = exchange; }
    public void binding(String binding) { this.binding = binding; }
    public void active(boolean active) { this.active = active; }
    public void durable(boolean durable) { this.durable = durable; }
    public void vhost(String vhost) { this.vhost = vhost; }
    public void window(Instant activeFrom, Instant activeUntil) {
        this.activeFrom = activeFrom;
        this.activeUntil = activeUntil;
    }

    public void touch() {
        this.updatedAt = Clock.now();
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public int endpointTypeId() { return endpointTypeId; }
    public String url() { return url; }
    public String userName() { return userName; }
    public String passwordEnc() { return passwordEnc; }
    public String provUserName() { return provUserName; }
    public String provPasswordEnc() { return provPasswordEnc; }
    public Integer provPort() { return provPort; }
    public String apiKeyEnc() { return apiKeyEnc; }
    public String messageHandler() { return messageHandler; }
    public String exchange() { return exchange; }
    public String binding() { return binding; }
    public boolean active() { return active; }
    public boolean durable() { return durable; }
    public String vhost() { return vhost; }
    public Instant activeFrom() { return activeFrom; }
    public Instant activeUntil() { return activeUntil; }
    public String registeredBy() { return registeredBy; }
    public Instant registeredAt() { return registeredAt; }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceEndpoint endpoint && Objects.equals(id, endpoint.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
