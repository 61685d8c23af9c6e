package dev.roster;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Cleans the generated OpenAPI document. Payara writes every {@code @Schema} default out as a constraint
 * ({@code maxProperties: 0}, {@code minLength: 0}, {@code nullable: false}, ...), of which some are wrong
 * (an object with properties and {@code maxProperties: 0} validates nothing). Its own record schemas are
 * incomplete, so only those of {@link OpenApiModel} are kept.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (zero(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (zero(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (zero(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream()
                    .filter(name -> !OpenApiModel.SCHEMAS.containsKey(name) && !OpenApiModel.PAGES.containsKey(name)
                            && !OpenApiModel.EXTRA.contains(name))
                    .forEach(openAPI.getComponents()::removeSchema);
        }
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        if (Boolean.FALSE.equals(parameter.getDeprecated())) {
            parameter.setDeprecated(null);
        }
        return parameter;
    }

    private static boolean zero(Integer value) {
        return value != null && value == 0;
    }
}
