//! Exports: GDELT 2.0 TSV shape and types, PLOVER JSONL fields.

use crate::common::corpus;
use sitrep_store::export::GDELT_COLUMNS;
use sitrep_store::{Filter, Store};

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&corpus(), &[], "coder-1", 1_694_608_496)
        .unwrap();
    store
}

/// (name, bigquery type) per GDELT column, from the shared column list when present.
fn gdelt_types() -> Option<Vec<(String, String)>> {
    // Without it: a printed skip of the type checks (a failure under SITREP_REQUIRE_SHARED=1).
    let path = sitrep_doc::shared_data::for_test("data/formats/gdelt2-events-columns.tsv")?;
    let text = std::fs::read_to_string(path).unwrap();
    Some(
        text.lines()
            .skip(1)
            .map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                (c[1].to_string(), c[2].to_string())
            })
            .collect(),
    )
}

#[test]
fn export_gdelt_has_61_typed_columns_on_every_row() {
    let mut out = Vec::new();
    let counts = store().export_gdelt(&Filter::default(), &mut out).unwrap();
    // The month-only event is passed over and counted, never given a made-up day.
    assert_eq!((counts.written, counts.no_day), (3, 1));
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3);
    for r in &rows {
        assert_eq!(r.len(), GDELT_COLUMNS, "{r:?}");
    }
    if let Some(types) = gdelt_types() {
        assert_eq!(types.len(), GDELT_COLUMNS);
        for r in &rows {
            for (v, (name, ty)) in r.iter().zip(&types) {
                match ty.as_str() {
                    "INTEGER" => assert!(v.is_empty() || v.parse::<i64>().is_ok(), "{name}={v:?}"),
                    "FLOAT" => assert!(v.is_empty() || v.parse::<f64>().is_ok(), "{name}={v:?}"),
                    "STRING" => {}
                    other => panic!("unknown type {other} for {name}"),
                }
            }
        }
        let col = |name: &str| types.iter().position(|(n, _)| n == name).unwrap();
        let meet = rows
            .iter()
            .find(|r| r[col("EventCode")] == "042")
            .expect("the meeting");
        // CAMEO codes stay strings with their leading zero; countries are CAMEO in actor
        // columns and FIPS in geo columns.
        assert_eq!(meet[col("EventRootCode")], "04");
        assert_eq!(meet[col("SQLDATE")], "20230913");
        assert_eq!(meet[col("Actor1CountryCode")], "RUS");
        assert_eq!(meet[col("Actor1Type1Code")], "GOV");
        assert_eq!(meet[col("Actor1Type2Code")], "MIL");
        assert_eq!(meet[col("Actor2CountryCode")], "PRK");
        assert_eq!(meet[col("QuadClass")], "1");
        assert_eq!(meet[col("DATEADDED")], "20230913123456");
        assert_eq!(meet[col("SOURCEURL")], "https://example.invalid/a1");
        let threat = rows.iter().find(|r| r[col("EventCode")] == "138").unwrap();
        assert_eq!(threat[col("ActionGeo_CountryCode")], "KN");
        assert_eq!(threat[col("ActionGeo_Type")], "4");
        assert_eq!(threat[col("ActionGeo_FeatureID")], "1871859");
        assert_eq!(threat[col("QuadClass")], "3");
        let id: i64 = meet[col("GLOBALEVENTID")].parse().unwrap();
        assert_eq!(id, Store::numeric_id("a1-e0"));
        assert!(id > 0);
    }
}

#[test]
fn export_plover_has_the_required_fields() {
    let mut out = Vec::new();
    let counts = store().export_plover(&Filter::default(), &mut out).unwrap();
    assert_eq!((counts.written, counts.no_day), (3, 1));
    for line in String::from_utf8(out).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["id", "date", "actor", "event"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        assert!(v["event"][0].is_string());
        assert!(v["event_text"][0].as_str().is_some_and(|s| !s.is_empty()));
        if v["id"] == "a2-e0" {
            assert_eq!(v["event_loc"]["geonameid"], 1871859);
            assert_eq!(v["event_loc"]["country_code"], "PRK");
            assert_eq!(v["recipient"][0]["code"], "CHN");
        }
    }
}

#[test]
fn fips_table_agrees_with_countryinfo() {
    // CountryInfo (../shared/data/countries) lists ISO3 and FIPS per country; read in place.
    // A printed skip without it, a failure under SITREP_REQUIRE_SHARED=1.
    let Some(path) = sitrep_doc::shared_data::for_test("data/countries/CountryInfo.120116.txt.gz")
    else {
        return;
    };
    let file = std::fs::File::open(&path).unwrap();
    let mut text = String::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap();
    let tag = |block: &str, name: &str| -> Option<String> {
        let open = format!("<{name}>");
        let start = block.find(&open)? + open.len();
        let end = block[start..].find('<')? + start;
        Some(block[start..end].trim().to_string())
    };
    let (mut checked, mut wrong) = (0, Vec::new());
    for block in text.split("<Country>").skip(1) {
        let (Some(iso3), Some(fips)) = (tag(block, "ISO3166-alpha3"), tag(block, "FIPS-10")) else {
            continue;
        };
        // CountryInfo's own header warns it contains errors. These entries are wrong there
        // per the FIPS 10-4 list (CF Congo-Brazzaville vs CG Congo-Kinshasa, CW Cook Islands vs
        // CK Cocos, KG Kyrgyzstan, PC Pitcairn, SF South Africa vs SA Saudi Arabia, TL Tokelau
        // vs TK Turks and Caicos) or have no code (Cyprus is malformed, Kosovo says NOT_YET).
        if ["COG", "COK", "CYP", "KSV", "KGZ", "PCN", "ZAF", "TKL"].contains(&iso3.as_str()) {
            continue;
        }
        if let Some(ours) = sitrep_store::iso3_to_fips(&iso3) {
            checked += 1;
            if ours != fips {
                wrong.push(format!("{iso3}: ours {ours}, CountryInfo {fips}"));
            }
        }
    }
    assert!(checked > 150, "only {checked} countries compared");
    assert!(wrong.is_empty(), "{wrong:?}");
}
