//! From parsed layers to a validated, indexed [`Kb`].

use super::error::{Error, Problem, Result};
use super::normalize::{normalize, token_count};
use super::parse::{self, SectorLine};
use super::types::{Namespace, Sector, CAMEO_SECTORS, GENERIC_ACTOR_CODES};
use super::{CaseRule, CountryForm, Entry, Kb, Kind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

/// Where a record came from: (layer, file, line).
/// Shared file names: a KB has thousands of records and few files.
type Loc = (usize, Rc<str>, usize);

fn at(loc: &Loc) -> String {
    format!("{}:{}", loc.1, loc.2)
}

fn problem(loc: &Loc, message: String) -> Problem {
    Problem {
        file: loc.1.to_string(),
        line: loc.2,
        message,
    }
}

/// Adds `item` under `key`: a duplicate in the same layer is an error, one in a later
/// layer replaces the earlier record (that is how an overlay overrides the built-in KB).
fn upsert<T>(
    items: &mut Vec<(T, Loc)>,
    by_key: &mut HashMap<String, usize>,
    key: String,
    item: T,
    loc: Loc,
    what: &str,
    problems: &mut Vec<Problem>,
) {
    match by_key.get(&key) {
        Some(&i) if items[i].1 .0 == loc.0 => {
            let msg = format!("duplicate {what} {key} (first at {})", at(&items[i].1));
            problems.push(problem(&loc, msg));
        }
        Some(&i) => items[i] = (item, loc),
        None => {
            by_key.insert(key, items.len());
            items.push((item, loc));
        }
    }
}

pub(super) fn build(sources: Vec<(usize, Kind, String, String)>) -> Result<Kb> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut countries = Vec::new();
    let mut country_by_code = HashMap::new();
    let mut igos = Vec::new();
    let mut igo_by_code = HashMap::new();
    let mut seats = Vec::new();
    let mut sectors: Vec<(Sector, Loc)> = Vec::new();
    let mut inherit: Vec<(String, Loc)> = Vec::new();
    let mut people = Vec::new();
    let mut person_by_name = HashMap::new();

    for (layer, kind, file, text) in &sources {
        let file_name: Rc<str> = Rc::from(file.as_str());
        let loc = |line| (*layer, Rc::clone(&file_name), line);
        match kind {
            Kind::Countries => {
                for (c, line) in parse::countries(file, text, &mut problems) {
                    let code = c.code.clone();
                    upsert(
                        &mut countries,
                        &mut country_by_code,
                        code,
                        c,
                        loc(line),
                        "country code",
                        &mut problems,
                    );
                }
            }
            Kind::Igos => {
                for (g, line) in parse::igos(file, text, &mut problems) {
                    let code = g.code.clone();
                    upsert(
                        &mut igos,
                        &mut igo_by_code,
                        code,
                        g,
                        loc(line),
                        "IGO code",
                        &mut problems,
                    );
                }
            }
            Kind::Seats => {
                for (s, line) in parse::seats(file, text, &mut problems) {
                    seats.push((s, loc(line)));
                }
            }
            Kind::Sectors => {
                for (s, line) in parse::sector_lines(file, text, &mut problems) {
                    match s {
                        SectorLine::Inherit(w) => {
                            inherit.extend(w.words.into_iter().map(|w| (w, loc(line))));
                        }
                        SectorLine::Sector(namespace, code, words) => {
                            add_sector(
                                &mut sectors,
                                namespace,
                                code,
                                words,
                                loc(line),
                                &mut problems,
                            );
                        }
                    }
                }
            }
            Kind::People => {
                for (p, line) in parse::people(file, text, &mut problems) {
                    if p.roles.is_empty() {
                        warnings.push(problem(
                            &loc(line),
                            format!("{:?} has no roles", p.names.first()),
                        ));
                    }
                    let Some(key) = p.names.first().map(|n| normalize(n)) else {
                        continue;
                    };
                    // Two people may share a name (warned below), so a same-layer repeat
                    // is kept as a second person; a later layer replaces the earlier one.
                    match person_by_name.get(&key) {
                        Some(&i) if people_layer(&people, i) != *layer => {
                            people[i] = (p, loc(line));
                        }
                        _ => {
                            person_by_name.insert(key, people.len());
                            people.push((p, loc(line)));
                        }
                    }
                }
            }
        }
    }

    // Other spellings of a code (Kosovo's XKX, Phoenix's IGOUNOREFHCR) are rewritten to the
    // one the KB uses.
    for (s, _) in &mut seats {
        if let Some(c) = canonical(&s.code, &country_by_code, &igo_by_code) {
            s.code = c;
        }
    }
    for (p, _) in &mut people {
        for r in &mut p.roles {
            if let Some(c) = canonical(&r.country, &country_by_code, &igo_by_code) {
                r.country = c;
            }
        }
    }

    // Cross-file checks: every code used must be defined.
    let known = |code: &str| {
        country_by_code.contains_key(code)
            || igo_by_code.contains_key(code)
            || GENERIC_ACTOR_CODES.contains(&code)
    };
    for (c, loc) in &countries {
        if let Some(p) = &c.parent {
            if !country_by_code.contains_key(p) {
                problems.push(problem(
                    loc,
                    format!("parent {p} of {} is not in countries.txt", c.code),
                ));
            }
        }
    }
    for (s, loc) in &seats {
        if !known(&s.code) {
            problems.push(problem(
                loc,
                format!(
                    "seat code {} is not a country, IGO or generic actor code",
                    s.code
                ),
            ));
        }
    }
    for (p, loc) in &people {
        for r in &p.roles {
            if !known(&r.country) {
                problems.push(problem(
                    loc,
                    format!(
                        "{}: role country {} is not a country, IGO or generic actor code",
                        p.names.first().map_or("?", String::as_str),
                        r.country
                    ),
                ));
            }
        }
    }
    if countries.is_empty() {
        problems.push(Problem {
            file: "countries.txt".into(),
            line: 0,
            message: "no countries loaded".into(),
        });
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(Error::Invalid { problems });
    }

    // The phrase index, with each phrase's source kept for the warnings.
    let mut postings: Vec<(String, Entry, CaseRule, Loc)> = Vec::new();
    let mut add = |phrase: &str, entry: Entry, loc: &Loc| {
        postings.push((normalize(phrase), entry, CaseRule::of(phrase), loc.clone()));
    };
    for (index, (c, loc)) in countries.iter().enumerate() {
        let forms = [
            (&c.names, CountryForm::Name),
            (&c.adjectives, CountryForm::Adjective),
            (&c.capitals, CountryForm::Capital),
        ];
        for (list, form) in forms {
            for p in list {
                add(p, Entry::Country { index, form }, loc);
            }
        }
    }
    for (i, (s, loc)) in seats.iter().enumerate() {
        add(&s.phrase, Entry::Seat(i), loc);
    }
    for (i, (g, loc)) in igos.iter().enumerate() {
        for n in &g.names {
            add(n, Entry::Igo(i), loc);
        }
    }
    for (i, (s, loc)) in sectors.iter().enumerate() {
        for w in &s.words {
            add(w, Entry::Sector(i), loc);
        }
    }
    for (w, loc) in &inherit {
        add(w, Entry::Inherit, loc);
    }
    for (i, (p, loc)) in people.iter().enumerate() {
        for n in &p.names {
            add(n, Entry::Person(i), loc);
        }
    }

    let mut kb = Kb::default();
    let mut named: BTreeMap<&str, BTreeMap<&str, &Loc>> = BTreeMap::new();
    let mut persons: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut sector_words: BTreeMap<(&str, Namespace), BTreeMap<&str, &Loc>> = BTreeMap::new();
    for (key, entry, _, loc) in &postings {
        if key.is_empty() {
            continue;
        }
        let code = match *entry {
            Entry::Country { index, .. } => Some(countries[index].0.code.as_str()),
            Entry::Seat(i) if country_by_code.contains_key(&seats[i].0.code) => {
                Some(seats[i].0.code.as_str())
            }
            _ => None,
        };
        if let Some(code) = code {
            named.entry(key).or_default().entry(code).or_insert(loc);
        }
        if let Entry::Sector(i) = *entry {
            let s = &sectors[i].0;
            sector_words
                .entry((key, s.namespace))
                .or_default()
                .insert(&s.code, loc);
        }
        if let Entry::Person(i) = *entry {
            persons.entry(key).or_default().insert(i);
        }
    }
    for (key, codes) in &named {
        if codes.len() > 1 {
            let list: Vec<String> = codes
                .iter()
                .map(|(c, l)| format!("{c} ({})", at(l)))
                .collect();
            let first = codes.values().next().copied().expect("len > 1");
            warnings.push(problem(
                first,
                format!(
                    "phrase {key:?} names {} countries: {}",
                    codes.len(),
                    list.join(", ")
                ),
            ));
        }
    }
    for ((key, ns), codes) in &sector_words {
        if codes.len() > 1 {
            let list: Vec<String> = codes
                .iter()
                .map(|(c, l)| format!("{c} ({})", at(l)))
                .collect();
            let first = codes.values().next().copied().expect("len > 1");
            let msg = format!(
                "word {key:?} is under {} {} codes: {}",
                codes.len(),
                ns.as_str(),
                list.join(", ")
            );
            warnings.push(problem(first, msg));
        }
    }
    for (key, ids) in &persons {
        if ids.len() > 1 {
            let locs: Vec<String> = ids.iter().map(|&i| at(&people[i].1)).collect();
            let first = &people[*ids.iter().next().expect("len > 1")].1;
            warnings.push(problem(
                first,
                format!(
                    "name {key:?} is shared by {} people: {}",
                    ids.len(),
                    locs.join(", ")
                ),
            ));
        }
    }
    for (key, entry, rule, _) in postings {
        if key.is_empty() {
            continue;
        }
        kb.max_tokens = kb.max_tokens.max(token_count(&key));
        let postings = kb.index.entry(key).or_default();
        match postings.0.iter().position(|e| *e == entry) {
            // The same pair written two ways ("Vatican" as name and adjective) keeps the
            // more permissive rule.
            Some(i) => postings.1[i] = postings.1[i].min(rule),
            None => {
                postings.0.push(entry);
                postings.1.push(rule);
            }
        }
    }
    warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    // Keys whose every entry matches in any case need no rule list.
    for (_, rules) in kb.index.values_mut() {
        if rules.iter().all(|r| *r == CaseRule::Any) {
            *rules = Vec::new();
        }
    }

    kb.country_by_code = country_by_code;
    kb.igo_by_code = igo_by_code;
    kb.countries = countries.into_iter().map(|(c, _)| c).collect();
    kb.igos = igos.into_iter().map(|(g, _)| g).collect();
    kb.seats = seats.into_iter().map(|(s, _)| s).collect();
    kb.sectors = sectors.into_iter().map(|(s, _)| s).collect();
    kb.people = people.into_iter().map(|(p, _)| p).collect();
    kb.warnings = warnings;
    Ok(kb)
}

/// Country codes that other sources spell differently, and the code the KB uses: Kosovo
/// has no ISO code (XKX is the user-assigned code many registries use, PLOVER writes KOS,
/// CAMEO KSV); TMP, ROM and ZAR are codes from before ISO changed them (Timor-Leste,
/// Romania, DR Congo).
pub(crate) const CODE_ALIASES: [(&str, &str); 5] = [
    ("XKX", "KSV"),
    ("KOS", "KSV"),
    ("TMP", "TLS"),
    ("ROM", "ROU"),
    ("ZAR", "COD"),
];

pub(crate) fn alias_of(code: &str) -> Option<&'static str> {
    CODE_ALIASES
        .iter()
        .find(|(a, _)| *a == code)
        .map(|(_, c)| *c)
}

/// CAMEO's international region codes (manual table "International Region Codes"); they
/// may sit inside an IGO code (`IGOWSTNAT`, `IGOEUREEC`).
const REGION_CODES: [&str; 25] = [
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

/// The KB's spelling of `code` when it differs: a country alias (`XKX` -> `KSV`), or an IGO
/// code written with region or specialty groups that igos.txt leaves out (PETRARCH's
/// `IGOUNOREFHCR` and `IGOWSTNAT` are the manual table's `IGOUNOHCR` and `IGONAT`).
/// `None` when `code` is already the KB's spelling or nothing matches.
pub(crate) fn canonical(
    code: &str,
    countries: &HashMap<String, usize>,
    igos: &HashMap<String, usize>,
) -> Option<String> {
    if countries.contains_key(code) || igos.contains_key(code) {
        return None;
    }
    if let Some(c) = alias_of(code) {
        return Some(c.to_string());
    }
    if code.len() > 6 && code.len() % 3 == 0 && code.starts_with("IGO") && code.is_ascii() {
        let mut reduced = String::from("IGO");
        for i in (3..code.len()).step_by(3) {
            let g = &code[i..i + 3];
            if !CAMEO_SECTORS.contains(&g) && !REGION_CODES.contains(&g) {
                reduced.push_str(g);
            }
        }
        if igos.contains_key(&reduced) {
            return Some(reduced);
        }
    }
    None
}

fn people_layer(people: &[(super::Person, Loc)], i: usize) -> usize {
    people[i].1 .0
}

/// A sector line: a repeat in the same layer is an error; a later layer adds its words
/// (an overlay extends a vocabulary rather than restating it).
fn add_sector(
    sectors: &mut Vec<(Sector, Loc)>,
    namespace: Namespace,
    code: String,
    words: Vec<String>,
    loc: Loc,
    problems: &mut Vec<Problem>,
) {
    match sectors
        .iter_mut()
        .find(|(s, _)| s.namespace == namespace && s.code == code)
    {
        Some((_, first)) if first.0 == loc.0 => {
            let msg = format!(
                "duplicate sector {} {code} (first at {})",
                namespace.as_str(),
                at(first)
            );
            problems.push(problem(&loc, msg));
        }
        Some((s, _)) => s.words.extend(words),
        None => sectors.push((
            Sector {
                namespace,
                code,
                words,
            },
            loc,
        )),
    }
}
