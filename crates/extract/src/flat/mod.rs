//! Flattened-text path: text a scraper already flattened (one block per line, menus, share
//! buttons, captions and related-story lists all still in it) -> the article body, metadata,
//! captions once, and every removed line with its [`DropReason`].
//!
//! How: each line is measured and judged on its own ([`classify`]: known furniture, cue lines,
//! a prose score from length, sentence ends and stopword density); the body is the contiguous
//! run of lines with the highest total score (short lines inside it such as subheadings are
//! kept, long furniture runs and cue lines break it); metadata comes from the lines around the
//! body's start ([`meta`]). Every pass is linear in the input and deterministic.

mod classify;
mod lines;
mod meta;
mod pointers;
mod words;

use crate::{normalize, Extracted};
use classify::Cue;
use lines::Line;
use sitrep_doc::{DropReason, Dropped, Hints};
use std::collections::{HashMap, HashSet};

/// Dropped text is cut to this many characters: enough to audit, bounded for huge blocks.
const DROPPED_TEXT_MAX: usize = 300;
/// Score of a recognised furniture line in the body search.
const FURNITURE_SCORE: f64 = -60.0;
/// Score of a cue line ("Related", "Most read"): a break that a long body can still bridge
/// (an inline "Related" box); the list after it is cut separately.
const CUE_SCORE: f64 = -100.0;
/// A comment or "About the author" cue ends the article once this much body precedes it:
/// reader comments and bios are prose too, and comments often outweigh the story, so they
/// cannot be left to the scores.
const BODY_BEFORE_COMMENTS: f64 = 300.0;
/// A line scoring at least this ends a story list that a cue opened inside the body.
const LIST_END_SCORE: f64 = 40.0;
/// Consecutive non-prose lines inside the body from which on they are dropped as a block.
const SHORT_RUN: usize = 4;
/// Longest line taken for a caption, in characters.
const MAX_CAPTION_CHARS: usize = 600;
/// Lines shorter than this are not checked for being a repeat (short labels repeat honestly).
const MIN_DUPLICATE_CHARS: usize = 20;

/// What became of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop(DropReason),
    /// Moved to `captions[k]`.
    Caption(usize),
    /// A repeat of `captions[k]` (the rest of the line, if any, is a credit).
    CaptionRepeat(usize),
}

pub(crate) fn extract(text: &str, _hints: &Hints) -> Extracted {
    let unwrapped = lines::unwrap_hard_wrapped(text);
    let lines = lines::split(unwrapped.as_deref().unwrap_or(text));
    if lines.is_empty() {
        return Extracted::default();
    }
    let stoplisted = doc_stoplisted(&lines);
    let furniture: Vec<Option<DropReason>> = lines.iter().map(classify::furniture).collect();
    let cues: Vec<Option<Cue>> = lines.iter().map(classify::cue).collect();
    let scores = line_scores(&lines, &furniture, &cues, stoplisted);
    let (start, end, prose_found) = body_range(&scores, &furniture, &cues);

    let mut ex = Extracted::default();
    let mut fate = vec![Fate::Keep; lines.len()];
    let header = meta::header_range(start);

    // Title: the first line (or its repeat); every copy of it before the body's end goes.
    // A first line that opens the body as prose is not a headline (plain text with no title).
    let t = if start == 0 && scores[0] >= LIST_END_SCORE {
        meta::Title::default()
    } else {
        meta::title(&lines, start + 1)
    };
    if let Some(title) = &t.title {
        fate[0] = Fate::Drop(DropReason::Title);
        for (i, l) in lines.iter().enumerate().take(end) {
            if l.text == *title {
                fate[i] = Fate::Drop(DropReason::Title);
            }
        }
    }
    ex.meta.title = t.title;
    ex.meta.site = t.site;

    // Byline and dateline: in the header window, or the first lines of the body.
    let near: Vec<usize> = header.clone().chain(start..end.min(start + 3)).collect();
    for &i in &near {
        if fate[i] != Fate::Keep {
            continue;
        }
        if let Some((b, authors)) = meta::byline(&lines[i], lines.get(i + 1)) {
            fate[i] = Fate::Drop(DropReason::Byline);
            if !b.ends_with(lines[i].text.as_str()) {
                fate[i + 1] = Fate::Drop(DropReason::Byline);
            }
            ex.meta.byline = Some(b);
            ex.meta.authors = authors;
            break;
        }
    }
    // The dateline nearest the body wins: pages also print today's date in their masthead.
    for &i in near
        .iter()
        .rev()
        .filter(|&&i| i < start)
        .chain(near.iter().filter(|&&i| i >= start))
    {
        if fate[i] != Fate::Keep {
            continue;
        }
        if let Some(d) = meta::dateline(&lines[i]) {
            fate[i] = Fate::Drop(DropReason::Dateline);
            ex.meta.published = Some(d);
            break;
        }
    }

    mark_captions(
        &lines,
        header.start..end,
        &furniture,
        &mut fate,
        &mut ex.captions,
    );

    // Everything else: body lines are kept unless they are furniture or repeats; lines outside
    // the body are dropped with the most specific reason known.
    let in_run = if prose_found {
        short_runs(&scores, start, end)
    } else {
        vec![false; end - start]
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut after_cue: Option<Cue> = None;
    // Inside the body, a cue opens a list (a "Most read" box in mid-article) that lasts until
    // the next line of real prose.
    let mut in_list = false;
    let mut kept: Vec<std::borrow::Cow<str>> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = cues[i] {
            if i >= start {
                after_cue = Some(c);
            }
            in_list = true;
        } else if scores[i] >= LIST_END_SCORE {
            in_list = false;
        }
        if fate[i] == Fate::Keep {
            let inside = i >= start && i < end;
            fate[i] = if let Some(c) = cues[i] {
                Fate::Drop(cue_reason(c))
            } else if let Some(r) = furniture[i] {
                Fate::Drop(r)
            } else if inside && in_list {
                Fate::Drop(DropReason::RelatedLinks)
            } else if inside && in_run[i - start] {
                Fate::Drop(DropReason::Boilerplate)
            } else if inside && meta::dateline(l).is_some() {
                Fate::Drop(DropReason::Dateline)
            } else if inside {
                // Pieces of one cut-up long line may be equal without being repeats.
                if l.chars >= MIN_DUPLICATE_CHARS && !l.chunk && !seen.insert(l.text.as_str()) {
                    Fate::Drop(DropReason::Duplicate)
                } else {
                    Fate::Keep
                }
            } else if scores[i] > 0.0 {
                // Prose outside the body: a standfirst, a teaser, a disclaimer.
                Fate::Drop(DropReason::Boilerplate)
            } else if i < start {
                Fate::Drop(DropReason::Navigation)
            } else if let Some(c) = after_cue {
                Fate::Drop(cue_reason(c))
            } else {
                Fate::Drop(DropReason::Footer)
            };
        }
        match fate[i] {
            // A kept line may still carry a pointer to another story in its prose.
            Fate::Keep => match pointers::strip(&l.text) {
                Some((text, cuts)) => {
                    ex.dropped.extend(cuts.into_iter().map(|c| Dropped {
                        text: truncate(&c),
                        reason: DropReason::RelatedLinks,
                    }));
                    kept.push(text.into());
                }
                None => kept.push(l.text.as_str().into()),
            },
            Fate::Drop(reason) => ex.dropped.push(Dropped {
                text: truncate(&l.text),
                reason,
            }),
            // Captions are referred to, not repeated: the caption text is in `captions` once;
            // what the line adds to it (a credit) is listed.
            Fate::Caption(k) | Fate::CaptionRepeat(k) => {
                let cap = ex.captions[k].as_str();
                let rest = l.text.strip_prefix(cap).unwrap_or("").trim();
                let reason = if matches!(fate[i], Fate::Caption(_)) {
                    DropReason::Caption
                } else {
                    DropReason::DuplicateCaption
                };
                ex.dropped.push(Dropped {
                    text: truncate(format!("[caption {}] {rest}", k + 1).trim_end()),
                    reason,
                });
            }
        }
    }
    ex.text = normalize::join_paragraphs(kept.iter().map(|k| k.as_ref()));
    ex
}

fn line_scores(
    lines: &[Line],
    furniture: &[Option<DropReason>],
    cues: &[Option<Cue>],
    stoplisted: bool,
) -> Vec<f64> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| match (cues[i], furniture[i]) {
            (Some(_), _) => CUE_SCORE,
            (None, Some(_)) => FURNITURE_SCORE,
            // A bare date line: bodies rarely have one, story lists have one per story.
            (None, None) if meta::dateline(l).is_some() => FURNITURE_SCORE,
            (None, None) => classify::score(l, stoplisted),
        })
        .collect()
}

/// For each body line, whether it sits in a run of at least [`SHORT_RUN`] consecutive lines
/// that are not prose: a subheading stands alone between paragraphs, a tag list or a block of
/// links does not.
fn short_runs(scores: &[f64], start: usize, end: usize) -> Vec<bool> {
    let mut out = vec![false; end - start];
    let mut i = start;
    while i < end {
        if scores[i] >= 0.0 {
            i += 1;
            continue;
        }
        let j = (i..end).find(|&j| scores[j] >= 0.0).unwrap_or(end);
        if j - i >= SHORT_RUN {
            out[i - start..j - start].iter_mut().for_each(|x| *x = true);
        }
        i = j;
    }
    out
}

fn cue_reason(c: Cue) -> DropReason {
    match c {
        Cue::Related => DropReason::RelatedLinks,
        Cue::Comments => DropReason::Comments,
        Cue::About => DropReason::Footer,
    }
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(DROPPED_TEXT_MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Whether the stopword lists fit this page: its longer lines are, on average, dense in them.
/// A page in another language (or script) is then judged without them.
fn doc_stoplisted(lines: &[Line]) -> bool {
    let (mut stops, mut words) = (0f64, 0f64);
    for l in lines
        .iter()
        .filter(|l| l.words >= 10 && l.stoplisted_script)
    {
        stops += l.stop_density as f64 * l.words as f64;
        words += l.words as f64;
    }
    words > 0.0 && stops / words >= 0.12
}

/// The body: the contiguous run of lines with the highest total score (Kadane's maximum
/// subarray, linear). With no positive line at all (a short note, a list), every line that is
/// not furniture is the body: better to keep a short text than to lose it.
fn body_range(
    scores: &[f64],
    furniture: &[Option<DropReason>],
    cues: &[Option<Cue>],
) -> (usize, usize, bool) {
    let (mut best, mut best_range) = (0.0f64, None);
    let (mut run, mut run_start) = (0.0f64, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if matches!(cues[i], Some(Cue::Comments | Cue::About)) && best >= BODY_BEFORE_COMMENTS {
            break;
        }
        if run <= 0.0 {
            run = 0.0;
            run_start = i;
        }
        run += s;
        if run > best {
            best = run;
            best_range = Some((run_start, i + 1));
        }
    }
    if let Some((a, b)) = best_range {
        return (a, b, true);
    }
    let first = (0..scores.len()).find(|&i| furniture[i].is_none() && cues[i].is_none());
    let last = (0..scores.len()).rfind(|&i| furniture[i].is_none() && cues[i].is_none());
    match (first, last) {
        (Some(a), Some(b)) => (a, b + 1, false),
        _ => (0, 0, false),
    }
}

/// Captions in the header and body: lines that say so ("FILE: ..."), lines that end in a photo
/// credit, and lines that a following line repeats (verbatim or with a credit appended).
/// Each caption is kept once; its repeats are marked as such.
fn mark_captions(
    lines: &[Line],
    range: std::ops::Range<usize>,
    furniture: &[Option<DropReason>],
    fate: &mut [Fate],
    captions: &mut Vec<String>,
) {
    let mut index: HashMap<String, usize> = HashMap::new();
    for i in range {
        // Captions are a sentence or two; a long block or a piece of a cut-up line is not one.
        if fate[i] != Fate::Keep
            || furniture[i].is_some()
            || lines[i].chunk
            || lines[i].chars > MAX_CAPTION_CHARS
        {
            continue;
        }
        let t = lines[i].text.as_str();
        // A repeat of one of the last few captions (a gallery repeats its current caption).
        let recent = captions.len().saturating_sub(4);
        if let Some(k) = (recent..captions.len())
            .rev()
            .find(|&k| t.starts_with(captions[k].as_str()))
        {
            fate[i] = Fate::CaptionRepeat(k);
            continue;
        }
        // Repeated just below with a short addition (a credit), or verbatim when it is not a
        // sentence: an exact repeat of a prose paragraph is a duplicate, not a caption.
        let repeated_below = lines[i].chars >= 25
            && lines.iter().skip(i + 1).take(3).any(|l| {
                let extra = l.text.len().saturating_sub(t.len());
                l.text.starts_with(t) && (0 < extra && extra <= 80 || !lines[i].ends_sentence)
            });
        let stripped = meta::strip_credit(t);
        if meta::caption_prefix(t) || stripped.is_some() || repeated_below {
            let cap = stripped.unwrap_or(t).to_string();
            fate[i] = match index.get(&cap) {
                Some(&k) => Fate::CaptionRepeat(k),
                None => {
                    index.insert(cap.clone(), captions.len());
                    captions.push(cap);
                    Fate::Caption(captions.len() - 1)
                }
            };
        }
    }
}

#[cfg(test)]
mod tests;
