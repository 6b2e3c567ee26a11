//! Acceptance: `sitrep actors --published 2023-09-05 ../shared/seed/kim-putin-euronews.txt`
//! resolves every actor and place listed in `kim-putin-euronews.expected.json` (read from the
//! file). An actor matches a mention whose text contains the expected text, with the same
//! country and every expected sector; a place, a place mention of that name in the country
//! and within the tolerance of the expected point.
use crate::common::*;

fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[test]
fn actors_seed_resolves_every_expected_actor_and_place() {
    let Some(shared) = shared() else { return };
    let (expected, input) = seed_case(&shared);
    let published = expected["input"]["published"].as_str().unwrap();
    let out = sitrep()
        .args(["actors", "--quiet", "--published", published])
        .arg(&input)
        .output()
        .unwrap();
    assert_ok(&out);
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["date"], published);
    let actors = doc["actors"].as_array().unwrap();
    let places = doc["places"].as_array().unwrap();
    let text = std::fs::read_to_string(&input).unwrap();

    for want in expected["actors"].as_array().unwrap() {
        let name = want["text"].as_str().unwrap();
        let country = want["country"].as_str().unwrap();
        let sectors = strings(&want["sector"]);
        let hit = actors.iter().any(|m| {
            m["text"].as_str().unwrap().contains(name)
                && m["country"] == country
                && sectors
                    .iter()
                    .all(|s| m["sectors"].as_array().unwrap().iter().any(|x| x == s))
        });
        assert!(
            hit,
            "{name} ({country} {sectors:?}) not resolved in {actors:#?}"
        );
    }
    for want in expected["places"].as_array().unwrap() {
        let name = want["text"].as_str().unwrap();
        let (lat, lon) = (want["lat"].as_f64().unwrap(), want["lon"].as_f64().unwrap());
        let tol = want["tolerance_km"].as_f64().unwrap();
        let hit = places.iter().any(|m| {
            let p = &m["place"];
            m["text"] == name
                && m["country"] == want["country"]
                && p["lat"]
                    .as_f64()
                    .zip(p["lon"].as_f64())
                    .is_some_and(|(a, b)| distance_km(lat, lon, a, b) <= tol)
        });
        assert!(hit, "place {name} not resolved in {places:#?}");
    }
    // Offsets: code-point offsets are consistent with the byte offsets and the text (the
    // extracted text is the input minus furniture, so check against each mention's text).
    for m in actors.iter().chain(places) {
        let (s, e) = (
            m["start_char"].as_u64().unwrap(),
            m["end_char"].as_u64().unwrap(),
        );
        let t = m["text"].as_str().unwrap();
        assert_eq!((e - s) as usize, t.chars().count(), "{m}");
        assert!(text.contains(t.split(' ').next().unwrap()));
    }
}
