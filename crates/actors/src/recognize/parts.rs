//! Building a mention from the parts of a chain: a blank mention over words, the sectors of
//! role words, the actor of an organisation.

use super::lexicon;
use super::scan::{word_text, Atom, AtomKind};
use super::units::Unit;
use super::{span_text, Mention, MentionKind, Recognizer, Word};

pub(crate) fn blank(
    text: &str,
    words: &[Word],
    w0: usize,
    w1: usize,
    si: usize,
    kind: MentionKind,
    rule: &'static str,
) -> Mention {
    let start = words[w0].start as usize;
    let end = words[w1 - 1].end as usize;
    Mention {
        start,
        end,
        text: span_text(text, start, end),
        kind,
        country: None,
        sectors: Vec::new(),
        plover_sector: None,
        code: None,
        name: None,
        role: None,
        resolved_from: None,
        rule,
        sentence: si,
        plural: false,
        female: None,
        place: None,
        person: None,
        modifier: None,
    }
}

pub(crate) fn add_sectors(m: &mut Mention, codes: &[&str]) {
    for c in codes {
        // KB sector codes may be run together in the CAMEO manner ("GOVMIL").
        let mut k = 0;
        while k + 3 <= c.len() {
            let s = &c[k..k + 3];
            if !m.sectors.iter().any(|x| x == s) {
                m.sectors.push(s.to_string());
            }
            k += 3;
        }
    }
}

/// Sectors and PLOVER sector of the role words of a chain; true when any was a real role
/// (not only inherit words).
pub(crate) fn role_sectors(rec: &Recognizer<'_>, roles: &[Atom], m: &mut Mention) -> bool {
    let kb = rec.kb;
    let mut any = false;
    for a in roles {
        if let AtomKind::Role {
            cameo,
            plover,
            extra,
        } = a.kind
        {
            any = true;
            if let Some(i) = cameo {
                add_sectors(m, &[kb.sectors()[i].code.as_str()]);
            }
            if let Some(i) = plover {
                let code = &kb.sectors()[i].code;
                m.plover_sector = Some(code.get(..3).unwrap_or(code).to_string());
            }
            if let Some(e) = extra {
                let (s, p) = rec.lex.role(e);
                add_sectors(m, s);
                m.plover_sector = Some(p.to_string());
            }
        }
    }
    any
}

/// The actor of the organisation part of a chain: (country or IGO code, sectors, name).
pub(crate) fn org_actor(
    rec: &Recognizer<'_>,
    text: &str,
    words: &[Word],
    org: Unit,
) -> (Option<String>, Vec<String>, Option<String>) {
    let kb = rec.kb;
    match org {
        Unit::Atom(a) => match a.kind {
            AtomKind::Seat(s) => {
                let seat = &kb.seats()[s];
                (
                    Some(seat.code.clone()),
                    seat.sectors.clone(),
                    Some(seat.phrase.clone()),
                )
            }
            AtomKind::Igo(g) => {
                let igo = &kb.igos()[g];
                (
                    Some(igo.code.clone()),
                    Vec::new(),
                    igo.names.first().cloned(),
                )
            }
            AtomKind::Org(o) => {
                let org = &rec.lex.orgs[o];
                (
                    Some(org.code.clone()),
                    org.sectors.clone(),
                    Some(org.name.clone()),
                )
            }
            AtomKind::Media(m) => {
                let (name, cc) = &rec.lex.media[m];
                (
                    Some(cc.clone()),
                    vec!["MED".to_string()],
                    Some(name.clone()),
                )
            }
            _ => (None, Vec::new(), None),
        },
        Unit::Caps(a, b) => {
            let head = word_text(text, &words[b - 1]);
            let sec = lexicon::org_head(head).flatten();
            let name = span_text(text, words[a].start as usize, words[b - 1].end as usize);
            (
                None,
                sec.map(|s| vec![s.to_string()]).unwrap_or_default(),
                Some(name),
            )
        }
        Unit::Word(_) => (None, Vec::new(), None),
    }
}

pub(crate) fn plural_word(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    (s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us"))
        || s.ends_with("men")
        || s == "police"
        || s == "people"
}

/// The rule of "ethnic Albanians", "ethnic Albanian guerrillas": the country is the one the
/// story is about when it names another (`context::fill_from_article`).
pub(crate) const ETHNIC: &str = "ethnic_group";

/// "ethnic Albanians", "ordinary Kazakhs": a people named by a state's demonym are civilians
/// (an ethnic group of any demonym form; "ordinary" only with a plural demonym, since
/// "ordinary Russian" qualifies a noun after it).
pub(crate) fn people_of_country(m: &mut Mention, ethnic: bool, ordinary: bool) {
    let people = m.plural && m.rule == "country_adjective";
    if !(ethnic || (ordinary && people)) {
        return;
    }
    m.kind = MentionKind::Agent;
    m.sectors = vec!["CVL".to_string()];
    m.plover_sector = Some("CVL".to_string());
    if ethnic {
        m.rule = ETHNIC;
    }
    m.set_code();
}

/// The sectors an organisation holds from a date on (`orgs.txt`'s `since`), replacing
/// `secs` when the article's date is past it.
pub(crate) fn took_power(
    rec: &Recognizer<'_>,
    org: Unit,
    date: crate::kb::PartialDate,
    secs: &mut Vec<String>,
) {
    if let Unit::Atom(Atom {
        kind: AtomKind::Org(o),
        ..
    }) = org
    {
        if let Some((from, later)) = &rec.lex.orgs[o].since {
            if date.earliest() >= from.earliest() {
                *secs = later.clone();
            }
        }
    }
}

/// Whether the words from `w` are "-backed" or the like, glued to the word before.
pub(crate) fn backer(text: &str, words: &[Word], w: usize) -> bool {
    let glued = |i: usize| i > 0 && words.get(i).is_some_and(|x| x.start == words[i - 1].end);
    glued(w)
        && glued(w + 1)
        && words.get(w).is_some_and(|x| word_text(text, x) == "-")
        && words.get(w + 1).is_some_and(|x| {
            matches!(
                word_text(text, x).to_ascii_lowercase().as_str(),
                "backed"
                    | "funded"
                    | "sponsored"
                    | "supported"
                    | "armed"
                    | "trained"
                    | "aligned"
                    | "allied"
                    | "linked"
                    | "affiliated"
            )
        })
}

/// Sectors of an armed non-state group.
pub(crate) fn armed_group(sectors: &[String]) -> bool {
    sectors
        .iter()
        .any(|s| matches!(s.as_str(), "REB" | "INS" | "SEP"))
}

/// "former" before a role: CAMEO codes former officials ELI. "a former minister" is ELI
/// even before the article gives its country; "former rebels" are left as they are.
pub(crate) fn former(m: &mut Mention) {
    let state_role = m
        .sectors
        .iter()
        .any(|s| matches!(s.as_str(), "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY"));
    if m.country.is_some() || state_role {
        m.sectors = vec!["ELI".to_string()];
        m.plover_sector = Some("ELI".to_string());
    }
}

/// Each agent with no country of its own and the mention right after it in the same sentence,
/// when that one has a country: the shape of "officials in Kyiv", "the government of President
/// Duterte", "doctors from two American aid groups". `f` gets the agent, the next mention, its
/// country and the text between the two, and decides. `out` is in text order.
pub(crate) fn countryless_agent_before(
    text: &str,
    out: &mut [Mention],
    mut f: impl FnMut(&mut Mention, &Mention, String, &str),
) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.kind != MentionKind::Agent || a.country.is_some() || a.sentence != b.sentence {
            continue;
        }
        let Some(cc) = b.country.clone() else {
            continue;
        };
        f(a, b, cc, text.get(a.end..b.start).unwrap_or(""));
    }
}

/// Gives an agent the country of where it is or comes from. An agent known by inherit words
/// only ("officials in Kyiv") is that country's government, as "Ukrainian officials" is.
pub(crate) fn give_place_country(a: &mut Mention, cc: String) {
    a.country = Some(cc);
    if a.sectors.is_empty() && a.plover_sector.is_none() {
        a.sectors.push("GOV".to_string());
        a.plover_sector = Some("GOV".to_string());
    }
    a.set_code();
}
