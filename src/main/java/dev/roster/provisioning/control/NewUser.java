package dev.roster.provisioning.control;

import dev.roster.service.entity.Service;
import java.util.List;

/**
 * A user to create and what it starts with: its fields, privileges and identity provider ({@code provision}), the
 * groups it joins (by id), and the service that sends it an activation e-mail ({@code activatedBy}; then it is
 * INVITED until it accepts), or null for none (then it is ACTIVE at once).
 */
public record NewUser(String username, ProvisionCommand provision, List<String> groupIds, Service activatedBy) {
}
