/**
 * The Spring Boot starter of SIM Estate: {@link io.simestate.spring.SimEstateAutoConfiguration} wires a
 * {@code SimEstate} from {@code simestate.*} properties onto the application's DataSource, JPA and
 * transactions; {@link io.simestate.spring.SimEstateBuilderCustomizer} lets an application adjust it.
 */
package io.simestate.spring;
