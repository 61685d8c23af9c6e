package dev.roster.endpoint.boundary;

import dev.roster.endpoint.entity.EndpointType;
import dev.roster.endpoint.entity.ServiceEndpoint;
import jakarta.annotation.Nullable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A service endpoint with the seed's fields, except that the three secrets are never shown: {@code passwordSet},
 * {@code provPasswordSet} and {@code apiKeySet} say whether each holds a value.
 */
@JsonbPropertyOrder({"id", "tenantId", "endpointTypeId", "url", "userName", "passwordSet", "provUserName",
        "provPasswordSet", "provPort", "apiKeySet", "messageHandler", "exchange", "binding", "active", "durable",
        "vhost", "activeFrom", "activeUntil", "registeredByUserId", "registeredDate", "endpointType"})
public record ServiceEndpointView(String id, String tenantId, int endpointTypeId, String url,
                                  @Nullable String userName, boolean passwordSet, @Nullable String provUserName,
                                  boolean provPasswordSet, @Nullable Integer provPort, boolean apiKeySet,
                                  @Nullable String messageHandler, @Nullable String exchange, @Nullable String binding,
                                  boolean active, boolean durable, @Nullable String vhost, @Nullable Instant activeFrom,
                                  @Nullable Instant activeUntil, @Nullable String registeredByUserId,
                                  Instant registeredDate, TypeView endpointType) {

    public static ServiceEndpointView from(ServiceEndpoint e) {
        return new ServiceEndpointView(e.id(), e.tenantId(), e.endpointTypeId(), e.url(), e.userName(),
                e.passwordEnc() != null, e.provUserName(), e.provPasswordEnc() != null, e.provPort(),
                e.apiKeyEnc() != null, e.messageHandler(), e.exchange(), e.binding(), e.active(), e.durable(),
                e.vhost(), e.activeFrom(), e.activeUntil(), e.registeredBy(), e.registeredAt(),
                EndpointType.byId(e.endpointTypeId()).map(TypeView::from).orElse(null));
    }

    /** An entry of the endpoint-type catalog, as the seed shows it. */
    @JsonbPropertyOrder({"id", "name", "label", "internal", "shortDescription"})
    public record TypeView(int id, String name, String label, boolean internal, @Nullable String shortDescription) {
        public static TypeView from(EndpointType type) {
            return new TypeView(type.id(), type.displayName(), type.name(), type.internal(), type.shortDescription());
        }
    }
}
