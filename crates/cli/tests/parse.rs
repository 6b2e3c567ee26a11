//! `sitrep parse` and `sitrep eval parser` end to end with the embedded model.
use crate::common::*;

const GOLD: &str = "# sent_id = t-1\n# text = Kim met Putin in Moscow.\n\
1\tKim\t_\t_\t_\t_\t2\tnsubj\t_\t_\n2\tmet\t_\t_\t_\t_\t0\troot\t_\t_\n3\tPutin\t_\t_\t_\t_\t2\tobj\t_\t_\n\
4\tin\t_\t_\t_\t_\t5\tcase\t_\t_\n5\tMoscow\t_\t_\t_\t_\t2\tobl\t_\tSpaceAfter=No\n6\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\n";

fn rows(conllu: &str) -> Vec<Vec<String>> {
    conllu
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn parse_conllu_keeps_words_and_fills_columns() {
    let out = run_with_stdin(
        &["parse", "--input-format", "conllu", "--quiet"],
        GOLD.as_bytes(),
    );
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# sent_id = t-1\n# text = Kim met Putin in Moscow.\n"),
        "{text}"
    );
    let r = rows(&text);
    let forms: Vec<&str> = r.iter().map(|c| c[1].as_str()).collect();
    assert_eq!(forms, ["Kim", "met", "Putin", "in", "Moscow", "."]);
    assert_eq!(r.iter().filter(|c| c[6] == "0").count(), 1, "{text}");
    for c in &r {
        assert_eq!(c.len(), 10);
        assert!(
            c[2] != "_" && c[3] != "_" && c[4] != "_" && c[7] != "_",
            "{text}"
        );
        assert!(c[6].parse::<usize>().unwrap() <= 6);
    }
    // The simplest facts a working model gets right.
    assert_eq!(r[1][3], "VERB", "{text}");
    assert_eq!(r[1][7], "root", "{text}");
    assert_eq!(r[5][3], "PUNCT", "{text}");
    assert_eq!(r[4][9], "SpaceAfter=No", "MISC is kept");
}

#[test]
fn parse_beam_width_is_selectable_and_bounded() {
    for beam in ["1", "4"] {
        let out = run_with_stdin(
            &[
                "parse",
                "--input-format",
                "conllu",
                "--quiet",
                "--beam",
                beam,
            ],
            GOLD.as_bytes(),
        );
        assert!(
            out.status.success(),
            "--beam {beam}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r = rows(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(r.len(), 6);
        assert_eq!(r.iter().filter(|c| c[6] == "0").count(), 1, "one root");
    }
    // Width 0 and absurd widths are refused, not clamped silently.
    for beam in ["0", "1000"] {
        let out = run_with_stdin(
            &["parse", "--input-format", "conllu", "--beam", beam],
            GOLD.as_bytes(),
        );
        assert!(!out.status.success(), "--beam {beam} must be rejected");
    }
}

#[test]
fn parse_conllu_reports_a_malformed_file() {
    let out = run_with_stdin(
        &["parse", "--input-format", "conllu", "--quiet"],
        b"1\tonly\tthree\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn parse_raw_text_gives_sentences_with_char_offsets() {
    let body = "Kim met Putin in Moscow. Both leaders talked about Kyiv.\n";
    let out = run_with_stdin(
        &["parse", "--input-format", "text", "--quiet"],
        body.as_bytes(),
    );
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("# text = ").count(), 2, "{text}");
    assert!(
        text.contains("# text = Kim met Putin in Moscow.\n"),
        "{text}"
    );
    let chars: Vec<char> = body.chars().collect();
    for c in rows(&text) {
        let misc: std::collections::HashMap<&str, usize> = c[9]
            .split('|')
            .filter_map(|kv| kv.split_once('='))
            .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
            .collect();
        let (s, e) = (misc["start_char"], misc["end_char"]);
        assert_eq!(chars[s..e].iter().collect::<String>(), c[1], "{text}");
    }
}

#[test]
fn eval_parser_json_has_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gold.conllu");
    std::fs::write(&path, GOLD).unwrap();
    let out = sitrep()
        .args(["eval", "parser", "--json", "--treebank"])
        .arg(&path)
        .output()
        .unwrap();
    assert_ok(&out);
    let j = &json_lines(&out.stdout)[0];
    for k in ["upos", "xpos", "uas", "las", "sentences_per_s"] {
        let v = j[k].as_f64().unwrap_or(-1.0);
        assert!(v >= 0.0, "{k} in {j}");
    }
    assert!(j["uas"].as_f64().unwrap() <= 100.0);
}
