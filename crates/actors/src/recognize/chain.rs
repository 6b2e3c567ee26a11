//! Composing matched words into mentions: `[the] [Country ['s]] [Org ['s]] [roles] [Name]`.

use super::lexicon;
use super::modifiers;
use super::parts::{
    add_sectors, armed_group, backer, blank, org_actor, people_of_country, plural_word,
    role_sectors, took_power, ETHNIC,
};
use super::place::{country_alone, place_ends_at, Pending};
use super::scan::{word_text, Atom, AtomKind};
use super::units::{units, Unit};
use super::{span_text, Mention, MentionKind, Pos, Recognizer, RoleAt, Scratch, Word};
use crate::kb::{CountryForm, Gender, PartialDate};

struct Chain {
    start: usize,
    end: usize,
    the: bool,
    country: Option<(usize, CountryForm)>,
    org: Option<Unit>,
    roles: Vec<Atom>,
    name: Option<Unit>,
    honorific: bool,
    /// "former": CAMEO codes former officials ELI.
    former: bool,
    /// "ethnic Albanians": a people living where the story is, not the state of its name.
    ethnic: bool,
    /// "ordinary Kazakhs", "average Russians": the people, not the state (civilians).
    ordinary: bool,
    next_unit: usize,
}

fn parse_chain(text: &str, words: &[Word], units: &[Unit], u0: usize) -> Chain {
    let mut u = u0;
    let mut c = Chain {
        start: units[u0].span().0,
        end: units[u0].span().1,
        the: false,
        country: None,
        org: None,
        roles: Vec::new(),
        name: None,
        honorific: false,
        former: false,
        ethnic: false,
        ordinary: false,
        next_unit: u0 + 1,
    };
    let word_at = |u: usize| match units.get(u) {
        Some(Unit::Word(w)) => word_text(text, &words[*w]),
        _ => "",
    };
    if lexicon::is_det(word_at(u)) {
        c.the = word_at(u).eq_ignore_ascii_case("the");
        u += 1;
    }
    // "Ethnic" opening a sentence is a capitalised run of its own.
    let one_word = |u: usize| match units.get(u) {
        Some(Unit::Caps(a, b)) if *b == *a + 1 => word_text(text, &words[*a]),
        _ => word_at(u),
    };
    if one_word(u).eq_ignore_ascii_case("ethnic") {
        c.ethnic = true;
        u += 1;
    } else if matches!(
        one_word(u).to_ascii_lowercase().as_str(),
        "ordinary" | "average" | "everyday"
    ) {
        c.ordinary = true;
        u += 1;
    }
    if is_former(word_at(u)) {
        c.former = true;
        u += 1;
    }
    let mut took = false;
    if let Some(Unit::Atom(Atom {
        kind: AtomKind::Country { index, form },
        ..
    })) = units.get(u)
    {
        c.country = Some((*index, *form));
        u += 1;
        took = true;
        if lexicon::is_possessive(word_at(u)) {
            u += 1;
        }
    }
    match units.get(u) {
        Some(un @ Unit::Atom(a))
            if matches!(
                a.kind,
                AtomKind::Seat(_) | AtomKind::Igo(_) | AtomKind::Media(_) | AtomKind::Org(_)
            ) =>
        {
            c.org = Some(*un);
            u += 1;
            took = true;
        }
        Some(un @ Unit::Caps(a, b))
            if is_org(text, words, *a, *b)
                || next_is_role(units, u + 1)
                || (lexicon::is_filler(word_at(u + 1)) && next_is_role(units, u + 2)) =>
        {
            // An organisation's name, or a place that owns the role ("Shanghai police").
            c.org = Some(*un);
            u += 1;
            took = true;
        }
        _ => {}
    }
    if c.org.is_some() && lexicon::is_possessive(word_at(u)) {
        u += 1;
    }
    loop {
        match units.get(u) {
            Some(Unit::Atom(a)) if matches!(a.kind, AtomKind::Role { .. } | AtomKind::Inherit) => {
                c.roles.push(*a);
                u += 1;
                took = true;
            }
            Some(Unit::Word(_))
                if next_is_role(units, u + 1)
                    && (lexicon::is_filler(word_at(u))
                        || is_former(word_at(u))
                        || (c.former && modifiers::is_political(word_at(u)))
                        || modifiers::is_portfolio(word_at(u))) =>
            {
                c.former |= is_former(word_at(u));
                u += 1;
            }
            _ => break,
        }
    }
    // "Foreign Minister of Ukraine", "president of the European Council": a role followed by
    // "of" and a country or organisation belongs to it (a capital after "of" is a place).
    if c.country.is_none() && c.org.is_none() && !c.roles.is_empty() && word_at(u) == "of" {
        let v = if word_at(u + 1).eq_ignore_ascii_case("the") {
            u + 2
        } else {
            u + 1
        };
        match units.get(v) {
            Some(Unit::Atom(Atom {
                kind: AtomKind::Country { index, form },
                ..
            })) if *form == CountryForm::Name
                || (*form == CountryForm::Adjective && !modifies_next(units, v + 1)) =>
            {
                c.country = Some((*index, *form));
                u = v + 1;
            }
            Some(un @ Unit::Atom(a))
                if matches!(
                    a.kind,
                    AtomKind::Seat(_) | AtomKind::Igo(_) | AtomKind::Media(_) | AtomKind::Org(_)
                ) =>
            {
                c.org = Some(*un);
                u = v + 1;
            }
            // "government of Sindh province": a named place owns the role; its country
            // comes from the gazetteer, as for "Shanghai police".
            Some(un @ Unit::Caps(a, b))
                if is_org(text, words, *a, *b) || lexicon::is_place_noun(word_at(v + 1)) =>
            {
                c.org = Some(*un);
                u = v + 1;
            }
            _ => {}
        }
    }
    if lexicon::is_honorific(word_at(u)) {
        c.honorific = true;
        u += 1;
    }
    match units.get(u) {
        Some(
            un @ Unit::Atom(Atom {
                kind: AtomKind::Person(_),
                ..
            }),
        ) => {
            c.name = Some(*un);
            u += 1;
            took = true;
        }
        Some(un @ Unit::Caps(a, b))
            if (!c.roles.is_empty() || c.honorific) && !is_org(text, words, *a, *b) =>
        {
            c.name = Some(*un);
            u += 1;
            took = true;
        }
        _ => {}
    }
    if !took {
        // Not a chain: the unit stands alone (a bare name, a word).
        return c;
    }
    // The mention starts after the determiner, except for names of organisations, which
    // keep their "The" ("The New York Times").
    let first = if c.the && c.country.is_none() && c.roles.is_empty() && c.org.is_some() {
        u0
    } else if matches!(units[u0], Unit::Word(_)) && u > u0 + 1 {
        u0 + 1
    } else {
        u0
    };
    c.start = units[first].span().0;
    c.end = units[u - 1].span().1;
    c.next_unit = u;
    c
}

/// "leaders of Russian civil organizations": an adjective after "of" modifies the noun after
/// it; the role belongs to that group, not to the state ("representatives of Russians" is
/// the people).
fn modifies_next(units: &[Unit], u: usize) -> bool {
    matches!(
        units.get(u),
        Some(Unit::Word(_))
            | Some(Unit::Atom(Atom {
                kind: AtomKind::Role { .. } | AtomKind::Inherit,
                ..
            }))
    )
}

/// Whether a role is the abbreviated title US newsrooms put after a state's name ("Georgia
/// Sen. David Perdue", "Georgia Gov."): a state office, not a national one.
fn us_state_title(text: &str, words: &[Word], roles: &[Atom]) -> bool {
    roles.first().is_some_and(|r| {
        matches!(
            word_text(text, &words[r.w0]),
            "Gov." | "Sen." | "Rep." | "Lt." | "Assemblyman" | "Assemblywoman"
        )
    })
}

fn is_former(w: &str) -> bool {
    w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("ex")
}

fn next_is_role(units: &[Unit], u: usize) -> bool {
    matches!(
        units.get(u),
        Some(Unit::Atom(Atom {
            kind: AtomKind::Role { .. } | AtomKind::Inherit,
            ..
        }))
    )
}

fn is_org(text: &str, words: &[Word], a: usize, b: usize) -> bool {
    // A head word alone ("Inc.", "Department") names no organisation.
    b > a + 1 && lexicon::org_head(word_text(text, &words[b - 1])).is_some()
}

/// Composes one sentence's mentions into `out` (actors) and `pending` (place candidates).
#[allow(clippy::too_many_arguments)]
pub(crate) fn compose(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    si: usize,
    date: PartialDate,
    scratch: &Scratch,
    out: &mut Vec<Mention>,
    pending: &mut Vec<Pending>,
) {
    let kb = rec.kb;
    let units = units(text, words, &scratch.atoms);
    let mut u = 0;
    while u < units.len() {
        let c = parse_chain(text, words, &units, u);
        let took =
            c.country.is_some() || c.org.is_some() || !c.roles.is_empty() || c.name.is_some();
        if !took {
            standalone(rec, text, words, &units, u, si, out, pending);
            u += 1;
            continue;
        }
        u = c.next_unit;
        let prev = if c.start > 0 {
            word_text(text, &words[c.start - 1])
        } else {
            ""
        };
        let next = words.get(c.end).map_or("", |w| word_text(text, w));
        let mut m = blank(text, words, c.start, c.end, si, MentionKind::Agent, "role");
        let (mut country, mut org_sectors, mut org_name) = (None, Vec::new(), None);
        if let Some((i, form)) = c.country {
            country = Some(kb.countries()[i].code.clone());
            if form == CountryForm::Capital {
                org_sectors.push("GOV".to_string());
            }
            // The KB files "Georgia" under the country that shares the state's name.
            if form == CountryForm::Name
                && kb.countries()[i].code == "GEO"
                && us_state_title(text, words, &c.roles)
            {
                country = Some("USA".to_string());
            }
        }
        if let Some(org) = c.org {
            if let Unit::Caps(a, b) = org {
                m.modifier = Some(span_text(
                    text,
                    words[a].start as usize,
                    words[b - 1].end as usize,
                ));
            }
            let (cc, mut secs, name) = org_actor(rec, text, words, org);
            // A state's adjective before a non-state group says which branch or where it
            // fights ("Pakistani Taliban", "Syrian Muslim Brotherhood"): the adjective wins.
            let non_state = matches!(
                org,
                Unit::Atom(Atom {
                    kind: AtomKind::Org(_),
                    ..
                })
            ) && secs
                .iter()
                .any(|s| matches!(s.as_str(), "REB" | "INS" | "SEP" | "OPP" | "PTY"));
            if cc.is_some() && !(non_state && country.is_some()) {
                country = cc.clone();
            }
            // A group that took power governs its own state only ("the Taliban" since 2021,
            // not the "Pakistani Taliban").
            if country == cc {
                took_power(rec, org, date, &mut secs);
            }
            org_sectors = secs;
            org_name = name;
        }
        match c.name {
            Some(Unit::Atom(Atom {
                kind: AtomKind::Person(p),
                ..
            })) => {
                let person = &kb.people()[p];
                m.kind = MentionKind::Person;
                m.rule = if c.country.is_some() || c.org.is_some() || !c.roles.is_empty() {
                    "title_kb_person"
                } else {
                    "kb_person"
                };
                m.name = person.names.first().cloned();
                m.person = Some(p);
                m.female = person.gender.map(|g| g == Gender::Female);
                if let Some(r) = person.role_at(date) {
                    m.country = Some(r.country.clone());
                    add_sectors(
                        &mut m,
                        &r.sectors.iter().map(String::as_str).collect::<Vec<_>>(),
                    );
                    m.role = Some(RoleAt {
                        role: r.role.as_str(),
                        start: r.start.to_string(),
                        end: r.end.map(|e| e.to_string()),
                    });
                } else if !c.roles.is_empty() && !c.former {
                    // The text gives a title the KB has no dated role for (the KB may be
                    // stale, or the title newer): the text wins over "former" (ELI).
                    m.country = country
                        .or_else(|| person.last_role_before(date).map(|r| r.country.clone()));
                    role_sectors(rec, &c.roles, &mut m);
                } else if let Some(r) = person.last_role_before(date) {
                    m.country = Some(r.country.clone());
                    m.sectors.push("ELI".to_string());
                } else {
                    m.country = country;
                    role_sectors(rec, &c.roles, &mut m);
                }
            }
            Some(Unit::Caps(a, b)) => {
                m.kind = MentionKind::Person;
                m.rule = if c.honorific && c.roles.is_empty() {
                    "honorific_name"
                } else {
                    "title_name"
                };
                m.name = Some(span_text(
                    text,
                    words[a].start as usize,
                    words[b - 1].end as usize,
                ));
                m.country = country;
                // A bare surname after an office title ("President Bush"): the country of
                // the KB people with that surname, when they agree on one.
                if m.country.is_none()
                    && b == a + 1
                    && c.roles.iter().any(|r| {
                        let t = span_text(
                            text,
                            words[r.w0].start as usize,
                            words[r.w1 - 1].end as usize,
                        );
                        super::groups::is_office_title(&t)
                    })
                {
                    let surname = word_text(text, &words[a]);
                    m.country = rec.lex.groups.surname_country(surname).map(str::to_string);
                }
                if !role_sectors(rec, &c.roles, &mut m) {
                    if !org_sectors.is_empty() {
                        m.sectors = org_sectors.clone();
                    } else if !c.roles.is_empty() && m.country.is_some() {
                        m.sectors.push("GOV".to_string());
                    }
                }
            }
            _ if !c.roles.is_empty() => {
                m.country = country;
                let last = c.roles[c.roles.len() - 1];
                m.plural = plural_word(&span_text(
                    text,
                    words[last.w0].start as usize,
                    words[last.w1 - 1].end as usize,
                ));
                if !role_sectors(rec, &c.roles, &mut m) {
                    // Inherit words only: the sectors of what they speak for, else a
                    // country's leader or official is its government.
                    if !org_sectors.is_empty() {
                        m.sectors = org_sectors.clone();
                    } else if m.country.is_some() {
                        m.sectors.push("GOV".to_string());
                    }
                } else if armed_group(&org_sectors) && m.plover_sector.as_deref() == Some("UAF") {
                    // "Boko Haram gunmen", "Hamas militiamen": the members of a rebel group
                    // are the group, not unaffiliated armed men.
                    m.sectors = org_sectors.clone();
                    m.plover_sector = None;
                }
                m.name = org_name.clone();
                m.rule = if c.country.is_some() || c.org.is_some() {
                    "modifier_role"
                } else if c.the {
                    "definite_role"
                } else {
                    "role"
                };
            }
            _ if c.org.is_some() => {
                let org = c.org.unwrap_or(Unit::Word(0));
                m.kind = match org {
                    Unit::Atom(Atom {
                        kind: AtomKind::Igo(_),
                        ..
                    }) => MentionKind::Igo,
                    _ => MentionKind::Org,
                };
                m.rule = match org {
                    Unit::Atom(Atom {
                        kind: AtomKind::Seat(_),
                        ..
                    }) => "seat",
                    Unit::Atom(Atom {
                        kind: AtomKind::Media(_),
                        ..
                    }) => "media",
                    Unit::Atom(Atom {
                        kind: AtomKind::Org(_),
                        ..
                    }) => "org",
                    Unit::Atom(_) => "igo",
                    _ => "org_name",
                };
                m.country = country;
                m.sectors = org_sectors.clone();
                m.name = org_name.clone();
                // International courts and tribunals are judicial actors (PLOVER JUD); CAMEO
                // gives IGO codes no sector.
                if m.kind == MentionKind::Igo
                    && org_name
                        .as_deref()
                        .is_some_and(|n| n.contains("Court") || n.contains("Tribunal"))
                {
                    m.plover_sector = Some("JUD".to_string());
                }
                if m.country.is_none() && m.sectors.is_empty() {
                    m.kind = MentionKind::Unknown;
                    m.rule = "unknown_org";
                }
            }
            _ if backer(text, words, c.end) => {
                // "Iranian-backed militias", "Russian-backed separatists": the backer is not
                // the actor (the militias are not Iran); no mention.
                continue;
            }
            _ => {
                // A country (or capital) with a possessive or determiner only.
                let (i, form) = c.country.unwrap_or((0, CountryForm::Name));
                country_alone(
                    rec, text, words, c.start, c.end, i, form, prev, next, si, out, pending,
                );
                let at = words[c.start].start as usize;
                if let Some(m) = out.last_mut().filter(|m| m.start == at) {
                    people_of_country(m, c.ethnic, c.ordinary);
                }
                continue;
            }
        }
        if c.former {
            super::parts::former(&mut m);
        }
        // An entity with its own PLOVER sector (a partially recognised state is PRE) gives it
        // unless the role words named one.
        if m.plover_sector.is_none() && m.kind != MentionKind::Person {
            if let Some(Unit::Atom(Atom {
                kind: AtomKind::Org(o),
                ..
            })) = c.org
            {
                m.plover_sector = rec.lex.orgs[o].plover.clone();
            }
        }
        if m.sectors.iter().any(|s| s == "MED") && m.plover_sector.is_none() {
            m.plover_sector = Some("JRN".to_string());
        }
        if m.plover_sector.is_none() {
            m.plover_sector = m
                .sectors
                .first()
                .and_then(|s| lexicon::plover_of(s))
                .map(str::to_string);
        }
        if c.ethnic && c.country.is_some() {
            m.rule = ETHNIC;
        }
        m.set_code();
        out.push(m);
    }
}

#[allow(clippy::too_many_arguments)]
fn standalone(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    units: &[Unit],
    u: usize,
    si: usize,
    out: &mut Vec<Mention>,
    pending: &mut Vec<Pending>,
) {
    let (w0, _) = units[u].span();
    let prev = if w0 > 0 {
        word_text(text, &words[w0 - 1])
    } else {
        ""
    };
    let prev2 = if w0 > 1 {
        word_text(text, &words[w0 - 2])
    } else {
        ""
    };
    match units[u] {
        Unit::Caps(a, b) => {
            let after_prep = lexicon::is_locative(prev)
                || (prev == "of" && lexicon::is_place_noun(prev2))
                || (prev == ","
                    && w0 >= 2
                    && place_ends_at(out, pending, words[w0 - 2].end as usize));
            let m = blank(text, words, a, b, si, MentionKind::Unknown, "unknown_name");
            pending.push(Pending {
                mention: m,
                after_prep,
                capital_of: None,
            });
        }
        Unit::Word(w) => {
            let s = word_text(text, &words[w]);
            if lexicon::pronoun(s).is_some()
                && matches!(words[w].pos, Pos::Unknown | Pos::Pron | Pos::Det)
            {
                let mut m = blank(text, words, w, w + 1, si, MentionKind::Unknown, "pronoun");
                m.name = None;
                out.push(m);
            }
        }
        Unit::Atom(_) => {
            let _ = rec;
        }
    }
}
