package de.pinnwand.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api/docs}: reading needs nothing, posting and everything under
 * {@code /api/v1/me} take the sign-in provider's access token as a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI pinnwandApi() {
		return new OpenAPI()
			.info(new Info().title("Pinnwand API")
				.description("Offers and requests of a town's or county's refugee help. Reads are open; writes need "
						+ "an access token of the sign-in provider (Authorization: Bearer …). Errors are RFC 9457 "
						+ "problem details."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
