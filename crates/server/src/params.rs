//! Query-string parsing: only the parameters an endpoint declares are accepted (anything
//! else is a 400, so a typo never silently widens a query), each at most once; an empty
//! value means the parameter is absent (forms send `code=` for an empty field).

use crate::error::ApiError;
use sitrep_store::Filter;
use std::collections::HashMap;

/// Default and largest `limit` of every list.
pub const DEFAULT_LIMIT: u64 = 100;
/// The largest `limit` accepted.
pub const MAX_LIMIT: u64 = 1000;

/// The parameters of the event filters (`/api/events`, `/api/locations`).
pub const FILTER_PARAMS: &[&str] = &[
    "source",
    "target",
    "from",
    "to",
    "code",
    "root",
    "quad",
    "plover",
    "actor",
    "sector",
    "location_country",
    "bbox",
    "q",
];

/// Parsed query parameters.
#[derive(Debug, Default)]
pub struct Params(HashMap<String, String>);

impl Params {
    /// Parse `query`, accepting only `allowed` names.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut map = HashMap::new();
        for (k, v) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            if !allowed.contains(&k.as_ref()) {
                return Err(ApiError::new(
                    axum::http::StatusCode::BAD_REQUEST,
                    "unknown_parameter",
                    format!(
                        "unknown parameter {k:?}; this endpoint takes: {}",
                        allowed.join(", ")
                    ),
                ));
            }
            if map.contains_key(k.as_ref()) {
                return Err(ApiError::bad_param(&k, "given more than once"));
            }
            // An empty value is recorded too, so `a=&a=x` is still a duplicate; trimming
            // makes " RUS" RUS.
            map.insert(k.into_owned(), v.trim().to_string());
        }
        map.retain(|_, v| !v.is_empty());
        Ok(Params(map))
    }

    /// A text parameter.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// A code (country, PLOVER type): letters, digits, `-` and `_` only, at most 32 bytes.
    pub fn code(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.str(name) {
            None => Ok(None),
            Some(v)
                if v.len() <= 32
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
            {
                Ok(Some(v.to_uppercase()))
            }
            Some(_) => Err(ApiError::bad_param(name, "expected a code such as RUS")),
        }
    }

    /// A date bound (`YYYY-MM-DD` or `YYYY-MM`), checked.
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.str(name) {
            None => Ok(None),
            Some(d) if sitrep_store::day_number(d).is_some() => Ok(Some(d.to_string())),
            Some(_) => Err(ApiError::bad_param(name, "expected YYYY-MM-DD or YYYY-MM")),
        }
    }

    /// The day range as YYYYMMDD numbers (a month bound covers its whole month; absent bounds
    /// are open).
    pub fn day_range(&self) -> Result<(i64, i64), ApiError> {
        let from = match self.date("from")? {
            Some(d) => sitrep_store::day_number(&d).unwrap_or(0),
            None => 0,
        };
        let to = match self.date("to")? {
            Some(d) => {
                let n = sitrep_store::day_number(&d).unwrap_or(99_999_999);
                if n % 100 == 0 {
                    n + 99
                } else {
                    n
                }
            }
            None => 99_999_999,
        };
        Ok((from, to))
    }

    /// A non-negative integer at most `max`.
    pub fn uint(&self, name: &str, default: u64, max: u64) -> Result<u64, ApiError> {
        match self.str(name) {
            None => Ok(default),
            Some(v) => match v.parse::<u64>() {
                Ok(n) if n <= max => Ok(n),
                Ok(_) => Err(ApiError::bad_param(name, format!("at most {max}"))),
                Err(_) => Err(ApiError::bad_param(name, "expected a non-negative integer")),
            },
        }
    }

    /// `limit`: default 100, at most 1000.
    pub fn limit(&self) -> Result<u64, ApiError> {
        self.uint("limit", DEFAULT_LIMIT, MAX_LIMIT)
    }

    /// The event filter built from [`FILTER_PARAMS`].
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let bbox = match self.str("bbox") {
            None => None,
            Some(b) => {
                let v: Vec<f64> = b
                    .split(',')
                    .map(|x| x.trim().parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| ApiError::bad_param("bbox", "expected four numbers"))?;
                let b: [f64; 4] = v.try_into().map_err(|_| {
                    ApiError::bad_param("bbox", "expected minlon,minlat,maxlon,maxlat")
                })?;
                Some(b)
            }
        };
        let quad = match self.str("quad") {
            None => None,
            Some(q) => match q.parse::<u8>() {
                Ok(n) if n <= 4 => Some(n),
                _ => return Err(ApiError::bad_param("quad", "expected 0, 1, 2, 3 or 4")),
            },
        };
        let digits = |name: &str| -> Result<Option<String>, ApiError> {
            match self.str(name) {
                Some(c) if c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) => Err(
                    ApiError::bad_param(name, "expected a CAMEO code (2 to 4 digits)"),
                ),
                c => Ok(c.map(str::to_string)),
            }
        };
        let text = |name: &str| -> Result<Option<String>, ApiError> {
            match self.str(name) {
                Some(t) if t.len() > 500 => Err(ApiError::bad_param(name, "at most 500 bytes")),
                t => Ok(t.map(str::to_string)),
            }
        };
        Ok(Filter {
            from: self.date("from")?,
            to: self.date("to")?,
            source: self.code("source")?,
            target: self.code("target")?,
            actor: text("actor")?,
            sector: self.code("sector")?,
            cameo: digits("code")?,
            root: digits("root")?,
            quad,
            plover: self.code("plover")?,
            location_country: self.code("location_country")?,
            bbox,
            text: text("q")?,
            limit: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_reject_unknown_and_repeated_names() {
        let e = Params::parse(Some("source=RUS&colour=red"), &["source"]).unwrap_err();
        assert_eq!(e.code, "unknown_parameter");
        let e = Params::parse(Some("source=RUS&source=USA"), &["source"]).unwrap_err();
        assert_eq!(e.code, "bad_parameter");
        let p = Params::parse(Some("source=rus&target="), &["source", "target"]).unwrap();
        assert_eq!(p.code("source").unwrap().as_deref(), Some("RUS"));
        assert_eq!(p.str("target"), None);
    }

    #[test]
    fn params_filter_checks_values() {
        let all = FILTER_PARAMS;
        let p = Params::parse(Some("quad=5"), all).unwrap();
        assert!(p.filter().is_err());
        let p = Params::parse(Some("bbox=1,2,3"), all).unwrap();
        assert!(p.filter().is_err());
        let p = Params::parse(Some("from=2023-13-01"), all).unwrap();
        assert!(p.filter().is_err());
        let p = Params::parse(Some("code=04%27%3B"), all).unwrap();
        assert!(p.filter().is_err());
        let p = Params::parse(Some("q=missile+test&bbox=-10,-5,10,5&quad=4"), all).unwrap();
        let f = p.filter().unwrap();
        assert_eq!(f.text.as_deref(), Some("missile test"));
        assert_eq!(f.bbox, Some([-10.0, -5.0, 10.0, 5.0]));
        assert_eq!(f.quad, Some(4));
        let p = Params::parse(Some("limit=1001"), &["limit"]).unwrap();
        assert!(p.limit().is_err());
        let p = Params::parse(None, &["limit"]).unwrap();
        assert_eq!(p.limit().unwrap(), DEFAULT_LIMIT);
    }
}
