//! The one form of text that leaves extraction, and date normalisation shared by the HTML and
//! flattened-text paths.

/// Normalise one line or block of text: non-breaking and exotic spaces become plain spaces,
/// zero-width and soft-hyphen characters vanish, runs of spaces collapse, ends are trimmed.
pub fn clean_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        match c {
            '\u{00A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
            | '\t'
            | ' '
            | '\u{000B}'
            | '\u{000C}'
            | '\r'
            | '\n' => pending_space = true,
            // zero-width space/joiners, soft hyphen, BOM, word joiner
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FEFF}' | '\u{2060}' => {}
            c if c.is_control() => {}
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Join cleaned paragraphs with a blank line, skipping empty ones.
pub fn join_paragraphs<'a>(paras: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in paras {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(p);
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Full month names in other languages of the news we read (pt, es, fr, de, it, nl, ru in
/// nominative and genitive), January first in each row.
const FOREIGN_MONTHS: [[&str; 12]; 8] = [
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
];

/// Month number (1-12) from a month name: English names and abbreviations ("Sept." too),
/// and full names in the languages of [`FOREIGN_MONTHS`].
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    for row in FOREIGN_MONTHS {
        if let Some(i) = row.iter().position(|m| *m == w) {
            return Some(i as u32 + 1);
        }
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, m) in MONTHS.iter().enumerate() {
        if w == *m || w == full[i] || (w == "sept" && i == 8) {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    d <= days[m as usize - 1]
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    valid_ymd(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Normalise a date as written in metadata or a dateline to `YYYY-MM-DD`.
///
/// Accepts ISO 8601 (`2023-09-05`, `2023-09-05T10:00:00Z`), `2023/09/05`, `20230905`,
/// `5 September 2023`, `September 5, 2023`, `Sep 5 2023`, `Tue, 05 Sep 2023 10:00:00 GMT`.
/// Numeric day/month orders other than year-first are ambiguous and are not guessed.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    // Year first: 2023-09-05, 2023/09/05, 2023.09.05, 20230905
    if b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) {
        let y: i32 = s[..4].parse().ok()?;
        if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
            let m = s.get(5..7)?.parse().ok()?;
            let d = s.get(8..10)?.parse().ok()?;
            if b.len() == 10 || !b[10].is_ascii_digit() {
                return ymd(y, m, d);
            }
        }
        if b[4..8].iter().all(u8::is_ascii_digit) && (b.len() == 8 || !b[8].is_ascii_digit()) {
            let m = s.get(4..6)?.parse().ok()?;
            let d = s.get(6..8)?.parse().ok()?;
            return ymd(y, m, d);
        }
    }
    // CJK: 2019年11月19日, 2019년 11월 19일.
    if s.contains(['年', '년']) && s.contains(['月', '월']) {
        let nums: Vec<u32> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| !t.is_empty())
            .take(3)
            .filter_map(|t| t.parse().ok())
            .collect();
        if let [y, m, d] = nums[..] {
            if y >= 1000 {
                return ymd(y as i32, m, d);
            }
        }
    }
    // Words: find a month name, a day (1-31) and a year (4 digits) among the first tokens.
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for tok in s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/')
        .filter(|t| !t.is_empty())
        .take(8)
    {
        let t = tok.trim_end_matches('.');
        if month.is_none() {
            if let Some(m) = month_number(tok) {
                month = Some(m);
                continue;
            }
        }
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || t.contains(':') {
            continue;
        }
        let rest = &t[digits.len()..];
        let ordinal_ok = rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th");
        if digits.len() == 4 && rest.is_empty() && year.is_none() {
            year = digits.parse().ok();
        } else if digits.len() <= 2 && ordinal_ok && day.is_none() {
            day = digits.parse().ok();
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => ymd(y, m, d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_inline_spaces() {
        assert_eq!(clean_inline(" a\u{00A0}\u{00A0}b\u{200B}c \n d "), "a bc d");
        assert_eq!(clean_inline("soft\u{00AD}hyphen"), "softhyphen");
    }

    #[test]
    fn iso_date_forms() {
        assert_eq!(iso_date("2023-09-05").as_deref(), Some("2023-09-05"));
        assert_eq!(
            iso_date("2023-09-05T10:00:00+02:00").as_deref(),
            Some("2023-09-05")
        );
        assert_eq!(iso_date("2023/9/05"), None);
        assert_eq!(iso_date("20230905").as_deref(), Some("2023-09-05"));
        assert_eq!(iso_date("5 September 2023").as_deref(), Some("2023-09-05"));
        assert_eq!(iso_date("September 5, 2023").as_deref(), Some("2023-09-05"));
        assert_eq!(iso_date("Sept. 5th, 2023").as_deref(), Some("2023-09-05"));
        assert_eq!(
            iso_date("Tue, 05 Sep 2023 10:00:00 GMT").as_deref(),
            Some("2023-09-05")
        );
        assert_eq!(iso_date("2023-02-30"), None);
        assert_eq!(
            iso_date("sexta-feira, 22 de outubro de 2010").as_deref(),
            Some("2010-10-22")
        );
        assert_eq!(iso_date("19 ноября 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(iso_date("3. März 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(iso_date("2019년 11월 19일").as_deref(), Some("2019-11-19"));
        assert_eq!(iso_date("2019年11月5日").as_deref(), Some("2019-11-05"));
        assert_eq!(iso_date("yesterday"), None);
    }
}
