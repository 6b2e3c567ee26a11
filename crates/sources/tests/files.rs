use crate::util::*;
use sitrep_doc::{PayloadKind, SkipReason};
use sitrep_sources::{open, Ignored, InputFormat, SourceOptions};
use std::path::PathBuf;

#[test]
fn files_text_html_empty_binary_and_missing_each_give_one_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |n: &str| dir.path().join(n);
    write(&p("a.txt"), b"Kim met Putin.\n");
    write(&p("b.html"), html_page("Summit").as_bytes());
    write(&p("c"), b"  <p>sniffed as html</p>");
    write(&p("d.txt"), b"");
    write(&p("e.txt"), b" \n\n ");
    write(&p("f.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(&p("g.txt"), b"caf\xe9 cr\xe8me"); // Latin-1: passed on as bytes for extraction
    write(&p("h.txt.gz"), &gzip(b"gzipped text"));
    let paths: Vec<PathBuf> = [
        "a.txt", "b.html", "c", "d.txt", "e.txt", "f.png", "g.txt", "h.txt.gz", "nope.txt",
    ]
    .iter()
    .map(|n| p(n))
    .collect();
    let d = read_paths(&paths, &SourceOptions::default());
    assert_eq!(d.order, "RRRSSSRRS");
    let kinds: Vec<_> = d.records.iter().map(|r| r.payload.kind).collect();
    use PayloadKind::{Html, Text};
    assert_eq!(kinds, [Text, Html, Html, Text, Text]);
    assert!(d.records.iter().all(|r| r.record == 0));
    assert_eq!(d.records[3].payload.bytes, b"caf\xe9 cr\xe8me");
    assert_eq!(d.texts()[4], "gzipped text");
    let reasons: Vec<_> = d.skips.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            SkipReason::Empty,
            SkipReason::Empty,
            SkipReason::Binary,
            SkipReason::Unreadable
        ]
    );
    assert!(d.skips[3].input.ends_with("nope.txt"));
    assert!(
        d.skips[3].detail.contains("No such file"),
        "carries the OS error: {}",
        d.skips[3].detail
    );
}

#[test]
fn files_forced_format_overrides_extension_and_sniffing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.txt");
    write(&path, b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
    let d = read_paths(std::slice::from_ref(&path), &SourceOptions::default());
    assert_eq!(d.records.len(), 1, "a .txt is one text document");
    let opts = SourceOptions {
        format: Some(InputFormat::Jsonl),
        ..SourceOptions::default()
    };
    let d = read_paths(&[path], &opts);
    assert_eq!(d.texts(), ["a", "b"]);
}

#[test]
fn files_too_large_single_document_is_skipped() {
    let d = read_bytes("-", noise(5000, 3), &opts_with_limit(4096));
    assert_eq!(d.reasons(), [(Some(0), SkipReason::TooLarge)]);
}

#[test]
fn files_stdin_is_sniffed_like_a_file() {
    let d = read_bytes(
        "-",
        gzip(html_page("T").as_bytes()),
        &SourceOptions::default(),
    );
    assert_eq!(d.records.len(), 1);
    assert_eq!(d.records[0].payload.kind, PayloadKind::Html);
    assert_eq!(d.records[0].input, "-");
}

#[cfg(unix)]
#[test]
fn files_folder_walk_is_sorted_recursive_and_survives_a_symlink_loop() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("corpus");
    let p = |n: &str| root.join(n);
    write(&p("b/2.txt"), b"b2");
    write(&p("b/1.txt"), b"b1");
    write(&p("a.txt"), b"a");
    write(&p("b/c/deep.jsonl"), b"{\"text\": \"deep\"}\n");
    write(&p("Z.txt"), b"Z");
    write(&p(".git/config"), b"hidden");
    write(&p(".hidden.txt"), b"hidden");
    symlink(&root, p("b/loop")).expect("symlink");
    symlink(p("a.txt"), p("link.txt")).expect("symlink");
    symlink(p("gone.txt"), p("broken.txt")).expect("symlink");
    let mut records = open(std::slice::from_ref(&root), &SourceOptions::default());
    let d = drain(&mut records);
    // Byte order: uppercase before lowercase; a folder's files in place of its name.
    assert_eq!(d.texts(), ["Z", "a", "b1", "b2", "deep", "a"]);
    assert_eq!(d.reasons(), [(None, SkipReason::Unreadable)]);
    assert!(d.skips[0].input.ends_with("broken.txt"));
    assert_eq!(
        records.ignored(),
        Ignored {
            hidden: 2,
            symlinked_dirs: 1,
            special: 0
        }
    );
}
