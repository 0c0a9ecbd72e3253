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
    modifiers(&Bearer, &OptionalBodies, &Descriptions),
    tags(
        (name = "matching", description = "Screen entities against the lists"),
        (name = "entities", description = "Listed entities"),
        (name = "reconciliation", description = "OpenRefine reconciliation service API"),
        (name = "system", description = "Catalog, health and operations"),
    )
)]
pub struct ApiDoc;

struct Bearer;

/// Gives every response a description, which OpenAPI requires (utoipa leaves it out when the
/// annotation has none): the status code's reason phrase, such as `Bad Request`.
struct Descriptions;

impl Modify for Descriptions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            for operation in [&mut item.get, &mut item.post].into_iter().flatten() {
                for (status, response) in &mut operation.responses.responses {
                    if let utoipa::openapi::RefOr::T(response) = response
                        && response.description.is_empty()
                    {
                        let reason = status
                            .parse::<u16>()
                            .ok()
                            .and_then(|code| axum::http::StatusCode::from_u16(code).ok()?.canonical_reason());
                        response.description = reason.unwrap_or("Response").to_owned();
                    }
                }
            }
        }
    }
}

/// Marks the bodies the server does without as optional (utoipa only infers that from an `Option`,
/// which would also make them nullable): `POST /reconcile` answers the manifest and `POST /scan`
/// an empty report when the body is empty.
struct OptionalBodies;

impl Modify for OptionalBodies {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for path in ["/reconcile", "/scan"] {
            let body = openapi.paths.paths.get_mut(path).and_then(|item| item.post.as_mut()?.request_body.as_mut());
            if let Some(utoipa::openapi::RefOr::T(body)) = body {
                body.required = Some(utoipa::openapi::Required::False);
            }
        }
    }
}

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
