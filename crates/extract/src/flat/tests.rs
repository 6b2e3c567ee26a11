//! Hand-written news-style snippets, one per kind of furniture.
use super::*;

fn run(s: &str) -> Extracted {
    extract(s, &Hints::default())
}

fn reasons(ex: &Extracted) -> Vec<DropReason> {
    ex.dropped.iter().map(|d| d.reason).collect()
}

fn dropped_with(ex: &Extracted, reason: DropReason) -> Vec<&str> {
    ex.dropped
        .iter()
        .filter(|d| d.reason == reason)
        .map(|d| d.text.as_str())
        .collect()
}

/// Every non-empty input line ends up kept as a paragraph or listed in `dropped`, once.
fn assert_accounted(input: &str, ex: &Extracted) {
    let lines = input
        .lines()
        .filter(|l| !normalize::clean_inline(l).is_empty())
        .count();
    let paras = ex.text.split("\n\n").filter(|p| !p.is_empty()).count();
    assert_eq!(
        paras + ex.dropped.len(),
        lines,
        "text: {}\ndropped: {:#?}",
        ex.text,
        ex.dropped
    );
}

/// A story the way a scraper flattens it with blank lines between blocks (the seed's shape).
const HARBOUR: &str = "Norland and Vastria agree to reopen harbour talks after fishing clash

FILE: Fishing boats moored in the harbour of Brenn during the dispute, 3 March 2024
FILE: Fishing boats moored in the harbour of Brenn during the dispute, 3 March 2024 Copyright Reuters
Copyright Reuters
By Lena Okafor with Reuters
Share this articleComments
Share this articleClose Button

The foreign ministers of Norland and Vastria agreed on Monday to reopen talks on fishing rights in the straits, a week after a coast guard vessel detained two trawlers near Brenn.

ADVERTISEMENT

Norland's foreign minister, Per Haldor, said the two sides would meet in Brenn next month and that both navies had been told to keep their distance from the disputed waters.\u{00A0}

\"We have no interest in a confrontation at sea,\" Haldor told reporters after a ninety-minute call with his Vastrian counterpart, who did not comment.

Fishing groups in both countries welcomed the move but said the quotas set last year had left many crews without work for most of the winter.

Share this articleComments

You might also like

Ten things to do in Brenn this spring

Star striker signs three-year deal with capital club

Markets slip as oil prices climb again
";

#[test]
fn seed_shaped_story_keeps_body_and_moves_metadata() {
    let ex = run(HARBOUR);
    assert_eq!(
        ex.meta.title.as_deref(),
        Some("Norland and Vastria agree to reopen harbour talks after fishing clash")
    );
    assert_eq!(
        ex.meta.byline.as_deref(),
        Some("By Lena Okafor with Reuters")
    );
    assert_eq!(ex.meta.authors, ["Lena Okafor", "Reuters"]);
    assert!(
        ex.text.starts_with("The foreign ministers of Norland"),
        "{}",
        ex.text
    );
    assert!(ex.text.ends_with("most of the winter."), "{}", ex.text);
    assert_eq!(ex.text.split("\n\n").count(), 4, "{}", ex.text);
    // Non-breaking spaces are normalised away.
    assert!(!ex.text.contains('\u{00A0}'));
    for junk in [
        "ADVERTISEMENT",
        "Share this",
        "Close Button",
        "Copyright",
        "You might also like",
        "Star striker",
        "Markets slip",
        "FILE:",
    ] {
        assert!(!ex.text.contains(junk), "{junk:?} left in {}", ex.text);
    }
    assert_accounted(HARBOUR, &ex);
}

#[test]
fn caption_is_kept_once_and_its_repeat_and_credit_are_listed() {
    let ex = run(HARBOUR);
    assert_eq!(
        ex.captions,
        ["FILE: Fishing boats moored in the harbour of Brenn during the dispute, 3 March 2024"]
    );
    let r = reasons(&ex);
    assert!(r.contains(&DropReason::Caption), "{r:?}");
    assert_eq!(
        dropped_with(&ex, DropReason::DuplicateCaption),
        ["[caption 1] Copyright Reuters"]
    );
    assert_eq!(dropped_with(&ex, DropReason::Credit), ["Copyright Reuters"]);
    // The caption text appears once in everything the path produced.
    let all = format!("{:?}{}{:?}{:?}", ex.meta, ex.text, ex.captions, ex.dropped);
    assert_eq!(all.matches("Fishing boats moored").count(), 1, "{all}");
}

#[test]
fn furniture_is_dropped_with_its_reason() {
    let ex = run(HARBOUR);
    assert_eq!(
        dropped_with(&ex, DropReason::Advertisement),
        ["ADVERTISEMENT"]
    );
    assert_eq!(
        dropped_with(&ex, DropReason::ShareButton),
        [
            "Share this articleComments",
            "Share this articleClose Button",
            "Share this articleComments"
        ]
    );
    assert_eq!(dropped_with(&ex, DropReason::Title).len(), 1);
    assert_eq!(
        dropped_with(&ex, DropReason::Byline),
        ["By Lena Okafor with Reuters"]
    );
    let related = dropped_with(&ex, DropReason::RelatedLinks);
    assert_eq!(
        related,
        [
            "You might also like",
            "Ten things to do in Brenn this spring",
            "Star striker signs three-year deal with capital club",
            "Markets slip as oil prices climb again"
        ]
    );
}

/// The benchmark's shape: one block per line, no blank lines, a menu, a `<title>` with the
/// outlet, the headline again, a dateline, a teaser list and a comment section.
const PAGE: &str = "Council approves new tram line for the eastern districts - The Valley Gazette
Skip to main content
Home
News
Local
Politics
Sport
Weather
Sign In
Subscribe
Council approves new tram line for the eastern districts
By Maria Costa
Published 12 March 2024
Share on Facebook
Share on Twitter
The city council voted 31 to 9 on Tuesday to build a tram line linking the eastern districts to the central station, ending a decade of argument over the route.
Construction is due to start next spring and the first trams should run in 2028, the transport department said, at a cost of about 240 million euros.
Route and stops
The line will run for eleven kilometres along Harbour Road and will have fourteen stops, two of them next to the new hospital.
Opponents said the money would be better spent on buses, which they argued could serve more neighbourhoods for the same price.
\"This is the biggest investment in public transport the city has made in forty years,\" the mayor told the council before the vote.
Sign up for our morning newsletter
Most Read
Bakery on Mill Street closes after 80 years
Five walks to try along the river this weekend
Local club wins regional under-16 final in extra time
The longest-running festival in the region returns this summer with more stages and a new food market, organisers said on Thursday as tickets went on...
12 Comments
jtram82 says:
March 12, 2024 at 9:14 am
About time. I have been waiting for this line since I moved here, and the buses are always full in the morning.
rivergirl says:
March 12, 2024 at 10:02 am
What a waste of money. Nobody asked the people who live on Harbour Road what they think about years of building work.
© 2024 The Valley Gazette. All rights reserved.
Privacy Policy
Terms of Use
";

#[test]
fn flattened_page_body_title_site_date_and_cut_lists() {
    let ex = run(PAGE);
    assert_eq!(
        ex.meta.title.as_deref(),
        Some("Council approves new tram line for the eastern districts")
    );
    assert_eq!(ex.meta.site.as_deref(), Some("The Valley Gazette"));
    assert_eq!(ex.meta.published.as_deref(), Some("2024-03-12"));
    assert_eq!(ex.meta.authors, ["Maria Costa"]);
    assert!(
        ex.text.starts_with("The city council voted 31 to 9"),
        "{}",
        ex.text
    );
    assert!(ex.text.ends_with("before the vote."), "{}", ex.text);
    // A short subheading inside the body stays.
    assert!(ex.text.contains("\n\nRoute and stops\n\n"), "{}", ex.text);
    for junk in [
        "Skip to",
        "Share on",
        "newsletter",
        "Most Read",
        "Bakery",
        "tickets went on",
        "says:",
        "About time",
        "waste of money",
        "©",
    ] {
        assert!(!ex.text.contains(junk), "{junk:?} left in {}", ex.text);
    }
    let r = reasons(&ex);
    for want in [
        DropReason::Navigation,
        DropReason::ShareButton,
        DropReason::Subscription,
        DropReason::RelatedLinks,
        DropReason::Comments,
        DropReason::Dateline,
        DropReason::Credit,
    ] {
        assert!(r.contains(&want), "{want:?} missing from {r:?}");
    }
    assert_accounted(PAGE, &ex);
}

#[test]
fn other_languages_are_cleaned_without_english_cues() {
    let pt = "Governo anuncia novo plano para as escolas do interior
Publicidade
O governo anunciou nesta segunda-feira um plano para reformar trezentas escolas no interior do estado, com obras que devem começar em março.
Segundo o secretário de educação, o dinheiro virá de um fundo federal e de parcerias com as prefeituras, que vão indicar as escolas com mais urgência.
A oposição disse que o plano chega tarde e que muitas escolas estão fechadas desde o ano passado por falta de manutenção.
Compartilhe
Leia também
Time da capital vence clássico no fim
Chuva forte deve voltar no fim de semana
";
    let ex = run(pt);
    assert!(ex.text.starts_with("O governo anunciou"), "{}", ex.text);
    assert!(ex.text.ends_with("falta de manutenção."), "{}", ex.text);
    assert_eq!(
        dropped_with(&ex, DropReason::Advertisement),
        ["Publicidade"]
    );
    assert!(dropped_with(&ex, DropReason::RelatedLinks)
        .contains(&"Chuva forte deve voltar no fim de semana"));

    let ru = "Министр обороны посетил учения на севере страны
Реклама
Министр обороны во вторник посетил военные учения на севере страны и заявил, что армия готова к любым задачам.
По словам министра, в учениях участвуют более двух тысяч военнослужащих и сотни единиц техники.
Поделиться
Читайте также
Курс рубля снова упал
";
    let ex = run(ru);
    assert!(
        ex.text.starts_with("Министр обороны во вторник"),
        "{}",
        ex.text
    );
    assert!(
        !ex.text.contains("Реклама") && !ex.text.contains("Курс рубля"),
        "{}",
        ex.text
    );
    assert_eq!(
        ex.meta.title.as_deref(),
        Some("Министр обороны посетил учения на севере страны")
    );
}

#[test]
fn plain_text_without_headline_has_no_title_and_loses_nothing() {
    let input = "The talks resumed on Monday in Brenn, officials said, after a pause of three weeks.\n\n\"We are ready to sign,\" the minister said on Tuesday evening after the meeting.\n";
    let ex = run(input);
    assert_eq!(ex.meta.title, None);
    assert!(ex.dropped.is_empty(), "{:?}", ex.dropped);
    assert_eq!(ex.text.split("\n\n").count(), 2);
}

#[test]
fn short_note_without_prose_is_kept_not_lost() {
    let ex = run("Kim met Putin.\n");
    assert_eq!(ex.text, "Kim met Putin.");
    let ex = run("ADVERTISEMENT\n");
    assert_eq!(ex.text, "");
    assert_eq!(reasons(&ex), [DropReason::Advertisement]);
    assert_eq!(run("").text, "");
}

#[test]
fn repeated_body_paragraph_is_dropped_as_duplicate() {
    let para = "The mayor said the bridge would reopen to traffic on Friday after two weeks of repairs to its supports.";
    let other = "Engineers found cracks in two of the bridge's supports during a routine inspection earlier this month.";
    let input = format!("{para}\n{other}\n{para}\n");
    let ex = run(&input);
    assert_eq!(ex.text, format!("{para}\n\n{other}"));
    assert_eq!(reasons(&ex), [DropReason::Duplicate]);
}

#[test]
fn huge_single_line_is_chunked_and_nothing_is_lost() {
    let mut input = String::new();
    let mut i = 0u32;
    while input.len() < 16 * 1024 * 1024 {
        input.push_str(&format!(
            "The delegations met again on day {i} and agreed to continue the talks. "
        ));
        i += 1;
    }
    let ex = run(&input);
    assert!(ex
        .text
        .split("\n\n")
        .all(|p| p.len() <= lines::MAX_LINE_BYTES));
    let words_in = input.split_whitespace().count();
    let words_out = ex.text.split_whitespace().count();
    assert_eq!(words_in, words_out);
}

#[test]
fn odd_input_never_panics_and_is_deterministic() {
    // A small deterministic generator over awkward pieces: multi-byte text, lone marks,
    // control characters, separators, very long tokens.
    let pieces = [
        "é",
        "\u{200B}",
        "\u{00A0}",
        "\r",
        "\n",
        "\n\n",
        "FILE:",
        "By ",
        "Copyright",
        "©",
        "...",
        "…",
        "says:",
        "Related",
        "12 Comments",
        "기자",
        "Share",
        "(AP Photo/",
        ")",
        "2024-02-30",
        "March 5, 2024",
        "a",
        " ",
        "\u{2028}",
        "\t",
        "ﬁ",
        "🙂",
        "\u{0301}",
        "ǅ",
        "İ",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(state % 200) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        let a = run(&s);
        let b = run(&s);
        assert_eq!(a.text, b.text);
        assert_eq!(a.dropped, b.dropped);
        assert_eq!(a.captions, b.captions);
    }
    let long_word = "x".repeat(100_000);
    let ex = run(&long_word);
    assert_eq!(ex.text.chars().filter(|c| *c == 'x').count(), 100_000);
}

/// The seed through the library (the CLI test in crates/cli checks the same through the binary).
#[test]
fn seed_clean_text_expectations_hold_in_the_library() {
    // A printed skip without ../shared, a failure under SITREP_REQUIRE_SHARED=1.
    let Some(seed) = sitrep_doc::shared_data::for_test("seed") else {
        return;
    };
    let raw = std::fs::read(seed.join("kim-putin-euronews.expected.json")).unwrap();
    let expected: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    let want = &expected["clean_text"];
    let input =
        std::fs::read_to_string(seed.join(expected["input"]["file"].as_str().unwrap())).unwrap();
    let ex = run(&input);
    let list = |k: &str| -> Vec<String> {
        want[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ex.meta.title.as_deref(), want["title"].as_str());
    let byline = ex.meta.byline.clone().unwrap_or_default();
    assert!(
        list("byline_contains")
            .iter()
            .all(|b| byline.contains(b.as_str())),
        "{byline}"
    );
    for s in list("body_must_contain") {
        assert!(ex.text.contains(&s), "{s:?} missing:\n{}", ex.text);
    }
    for s in list("body_must_not_contain") {
        assert!(!ex.text.contains(&s), "{s:?} kept:\n{}", ex.text);
    }
    let cap = want["caption_contains"].as_str().unwrap();
    assert!(
        ex.captions.iter().any(|c| c.contains(cap)),
        "{:?}",
        ex.captions
    );
    let all = format!("{:?}{}{:?}{:?}", ex.meta, ex.text, ex.captions, ex.dropped);
    let at_most = want["caption_times_in_output_at_most"].as_u64().unwrap() as usize;
    assert!(all.matches(cap).count() <= at_most, "{all}");
}

#[test]
fn a_story_pointer_inside_a_paragraph_is_cut_and_listed() {
    let input = "Harbour talks resume in Brenn

The foreign ministers of Norland and Vastria met in Brenn on Monday, officials said. READ MORE: Vastrian trawlers seized near the straits The two sides agreed to meet again next month and to keep their navies apart.

Fishing groups in both countries welcomed the move but said the quotas set last year had left many crews without work.";
    let ex = run(input);
    assert!(
        ex.text.contains("officials said. The two sides agreed"),
        "{}",
        ex.text
    );
    assert!(!ex.text.contains("trawlers seized"), "{}", ex.text);
    assert_eq!(
        dropped_with(&ex, DropReason::RelatedLinks),
        ["READ MORE: Vastrian trawlers seized near the straits"]
    );
}
