//! Place resolution over the embedded gazetteer for the tests and the speed example (the
//! pipeline's `GazetteerPlaces` does the same for the product; actors cannot depend on the
//! pipeline). Shared by `tests/tests.rs` and `examples/recognize_speed.rs` (via `#[path]`).

use sitrep_actors::recognize::{PlaceInfo, Places};

/// Place resolution over the embedded gazetteer, as the CLI does it.
pub struct Gaz(pub &'static sitrep_places::Gazetteer);

impl Places for Gaz {
    fn resolve(&self, name: &str, countries: &[String], strict: bool) -> Option<PlaceInfo> {
        let cx = sitrep_places::Context {
            countries_mentioned: countries.to_vec(),
            prefer: sitrep_places::Prefer::Auto,
        };
        let p = self.0.resolve(name, &cx)?;
        let big = p.population.is_some_and(|n| n >= 100_000) || p.feature_code.is_some();
        if strict && p.level == sitrep_places::Level::City && !big {
            return None;
        }
        Some(PlaceInfo {
            name: p.name,
            country: p.country,
            lat: p.lat,
            lon: p.lon,
            level: "city",
            id: p.gazetteer_id,
        })
    }
}
