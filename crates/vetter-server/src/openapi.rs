//! The OpenAPI description, generated from the handlers and wire types, and the Swagger UI (served
//! from the binary, no CDN).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The API description served at `/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "vetter",
        description = "Sanctions and PEP screening. `/match`, `/search`, `/entities` and `/catalog` follow yente's API; `/reconcile` is the OpenRefine reconciliation API.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        crate::api::match_entities,
        crate::api::search_entities,
        crate::api::get_entity,
        crate::api::catalog,
        crate::api::algorithms,
        crate::screen::screen,
        crate::scan::scan,
        crate::api::healthz,
        crate::api::readyz,
        crate::api::reload,
        crate::reconcile::reconcile_get,
        crate::reconcile::reconcile_post,
    ),
    components(schemas(crate::screen::ScreenLine, crate::screen::ScreenErrorLine)),
    modifiers(&Bearer),
    tags(
        (name = "matching", description = "Screen entities against the lists"),
        (name = "entities", description = "Listed entities"),
        (name = "reconciliation", description = "OpenRefine reconciliation service API"),
        (name = "system", description = "Catalog, health and operations"),
    )
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
