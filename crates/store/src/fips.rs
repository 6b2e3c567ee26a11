//! ISO3 (and CAMEO) country code -> FIPS 10-4, the code GDELT's geography columns use.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/iso3-fips.tsv");

fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.trim(), b.trim()))
            .collect()
    })
}

/// The FIPS 10-4 code of an ISO3 or CAMEO country code (case-insensitive); None when the code
/// is not a country in the table (an IGO such as "UNO", or unknown).
pub fn iso3_to_fips(code: &str) -> Option<&'static str> {
    if code.len() != 3 {
        return None;
    }
    table().get(code.to_ascii_uppercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fips_differs_from_iso2_where_gdelt_needs_it() {
        assert_eq!(iso3_to_fips("RUS"), Some("RS"));
        assert_eq!(iso3_to_fips("prk"), Some("KN"));
        assert_eq!(iso3_to_fips("DEU"), Some("GM"));
        assert_eq!(iso3_to_fips("GBR"), Some("UK"));
        assert_eq!(iso3_to_fips("UNO"), None);
        assert_eq!(iso3_to_fips("RUSGOV"), None);
        assert!(table().len() > 200);
    }
}
