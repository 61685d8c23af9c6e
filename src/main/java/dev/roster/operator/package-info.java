/** The platform operator: created once at first start, signs in without a tenant, manages tenants. */
package dev.roster.operator;
