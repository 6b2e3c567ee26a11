//! TABARI's run files: `.options` (coding directives and code labels) and `.project` (which
//! dictionaries and texts a run uses).

use super::text::{content_lines, Comments};
use super::{FindingKind, Sink};
use std::collections::HashMap;

/// Directive keywords of TABARI `.options` files (manual, ch. "Options file").
const KNOWN_DIRECTIVES: [&str; 8] = [
    "COMPLEX", "SET", "LABEL", "FORWARD", "OUTPUT", "DELETE", "SKIP", "CODE",
];

/// One `KEY: value` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDirective {
    /// Upper-cased keyword (`COMPLEX`, `SET`, `OUTPUT`, ...).
    pub key: String,
    /// The rest of the line.
    pub value: String,
    /// Line.
    pub line: usize,
}

/// A parsed `.options` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptionsFile {
    /// Directives other than labels, in file order.
    pub directives: Vec<OptionDirective>,
    /// `LABEL: code=text` pairs.
    pub labels: Vec<(String, String)>,
}

/// A parsed `.project` file: the title line and `<key> value` entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFile {
    /// The free-text first line.
    pub title: String,
    /// `(key, value)` pairs, keys lower-cased without `<>`.
    pub entries: Vec<(String, String)>,
}

impl ProjectFile {
    /// The value of the first entry named `key` (`actorsfile`, `verbsfile`, ...).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn options(lines: &[String], sink: &mut Sink) -> OptionsFile {
    let mut file = OptionsFile::default();
    let mut labels: HashMap<String, usize> = HashMap::new();
    for line in content_lines(lines, Comments::Slashes) {
        let t = line.text.trim();
        // `~~~~~` closes the file.
        if t.starts_with("~~") {
            break;
        }
        let Some((key, value)) = t.split_once(':') else {
            sink.add(
                line.no,
                FindingKind::MalformedLine,
                format!("{t:?} is not KEY: value"),
            );
            continue;
        };
        let key = key.trim().to_ascii_uppercase();
        let value = value.trim();
        if key == "LABEL" {
            let Some((code, text)) = value.split_once('=') else {
                sink.add(
                    line.no,
                    FindingKind::MalformedLine,
                    "LABEL without code=text",
                );
                continue;
            };
            let code = code.trim().to_string();
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
                sink.add(
                    line.no,
                    FindingKind::MalformedCode,
                    format!("label code {code:?} is not letters and digits"),
                );
            }
            if let Some(first) = labels.insert(code.clone(), line.no) {
                sink.add(
                    line.no,
                    FindingKind::Duplicate,
                    format!("label {code} is already defined at line {first}"),
                );
            }
            file.labels.push((code, text.trim().to_string()));
            continue;
        }
        if !KNOWN_DIRECTIVES.contains(&key.as_str()) {
            sink.add(
                line.no,
                FindingKind::MalformedLine,
                format!("unknown directive {key}:"),
            );
        }
        file.directives.push(OptionDirective {
            key,
            value: value.to_string(),
            line: line.no,
        });
    }
    file
}

pub(crate) fn project(lines: &[String], sink: &mut Sink) -> ProjectFile {
    let mut file = ProjectFile::default();
    for (idx, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if !t.starts_with('<') {
            if file.title.is_empty() && file.entries.is_empty() {
                file.title = t.to_string();
            } else {
                sink.add(
                    idx + 1,
                    FindingKind::MalformedLine,
                    format!("{t:?} is not <key> value"),
                );
            }
            continue;
        }
        // A session line holds several `<key value>` tags; a file line is `<key> value`.
        let Some(close) = t.find('>') else {
            sink.add(idx + 1, FindingKind::MalformedLine, "unclosed <");
            continue;
        };
        let key = t[1..close].trim();
        let value = t[close + 1..].trim();
        let (key, value) = match key.split_once(char::is_whitespace) {
            Some((k, v)) => (k, format!("{} {}", v.trim(), value).trim().to_string()),
            None => (key, value.to_string()),
        };
        file.entries.push((key.to_lowercase(), value));
    }
    file
}

#[cfg(test)]
mod tests {
    use super::super::{parse_bytes, Dictionary, Format};
    use super::*;

    #[test]
    fn options_read_directives_and_labels() {
        let text = "// c\nCOMPLEX: VERBS[5]\nLABEL: 01=YIELD\nLABEL: 01=GIVE\nLABEL: 0 1=X\nFROB: 1\nnonsense\n~~~~~\nafter\n";
        let l = parse_bytes("t", text.as_bytes(), Format::TabariOptions);
        let Dictionary::Options(o) = l.dict else {
            panic!("options")
        };
        assert_eq!(o.directives[0].key, "COMPLEX");
        assert_eq!(o.labels[0], ("01".to_string(), "YIELD".to_string()));
        let kinds: Vec<(usize, FindingKind)> =
            l.findings.iter().map(|f| (f.line, f.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (4, FindingKind::Duplicate),
                (5, FindingKind::MalformedCode),
                (6, FindingKind::MalformedLine),
                (7, FindingKind::MalformedLine)
            ]
        );
    }

    #[test]
    fn project_reads_files_and_sessions() {
        let text = "Demo run\n<actorsfile>\tx.actors\n<session 1> <coder me>\n";
        let l = parse_bytes("t", text.as_bytes(), Format::TabariProject);
        let Dictionary::Project(p) = l.dict else {
            panic!("project")
        };
        assert_eq!(p.title, "Demo run");
        assert_eq!(p.get("actorsfile"), Some("x.actors"));
        assert_eq!(p.get("session"), Some("1 <coder me>"));
        assert!(l.findings.is_empty());
    }
}
