/**
 * Services: the integration surfaces a tenant has switched on. The catalog is fixed ({@link
 * dev.roster.service.entity.Service}); the platform operator switches each one per tenant at
 * {@code /api/v1/tenants/{label}/services/{service}}, and the tenant reads its state at
 * {@code /api/v1/provisioning/services}. A call to a switched-off surface made with one of that tenant's
 * credentials is answered 403 naming the service; the operator is never shut out.
 */
package dev.roster.service;
