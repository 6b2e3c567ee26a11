//! Unit tests on small hand-written pages.
use super::*;
use sitrep_doc::DropReason;
use std::time::{Duration, Instant};

fn run(html: &str) -> Extracted {
    extract(html, &Hints::default())
}

const PROSE: &str = "The council met on Tuesday to debate the budget, and members argued for \
    hours about schools, roads and the new library before a late vote.";

fn article(body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en-GB\"><head><title>Budget vote passes | Town Gazette</title>\
         <meta property=\"og:site_name\" content=\"Town Gazette\"></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\
         <article><h1>Budget vote passes</h1>{body}</article>\
         <footer><p>Copyright 2024 Town Gazette. All rights reserved.</p></footer></body></html>"
    )
}

#[test]
fn extract_keeps_paragraphs_and_drops_furniture() {
    let html = article(&format!(
        "<p>{PROSE}</p><div class=\"social-share\"><a>Share on Facebook</a></div>\
         <p>Second paragraph: {PROSE}</p>\
         <aside class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/x\">Other story</a>\
         </li></ul></aside><p>Third: {PROSE}</p>"
    ));
    let ex = run(&html);
    let paras: Vec<&str> = ex.text.split("\n\n").collect();
    assert_eq!(paras.len(), 3, "{}", ex.text);
    assert!(paras[1].starts_with("Second paragraph:"));
    for junk in [
        "Home",
        "Share on Facebook",
        "Other story",
        "Copyright",
        "Budget vote passes",
    ] {
        assert!(!ex.text.contains(junk), "{junk} leaked: {}", ex.text);
    }
    assert!(ex
        .dropped
        .iter()
        .any(|d| d.reason == DropReason::ShareButton && d.text.contains("Facebook")));
    assert!(ex.dropped.iter().any(|d| d.reason == DropReason::Title));
}

#[test]
fn extract_sets_captions_apart_once() {
    let html = article(&format!(
        "<p>{PROSE}</p><figure><img src=\"a.jpg\"><figcaption>The mayor speaks.</figcaption>\
         </figure><p>More: {PROSE}</p><figure><img src=\"a.jpg\"><figcaption>The mayor speaks.\
         </figcaption></figure><div class=\"image-caption\">A second photo.</div>"
    ));
    let ex = run(&html);
    assert_eq!(ex.captions, vec!["The mayor speaks.", "A second photo."]);
    assert!(!ex.text.contains("mayor speaks"), "{}", ex.text);
    assert!(!ex.text.contains("second photo"), "{}", ex.text);
}

#[test]
fn extract_finds_the_lead_photo_caption_beside_the_body() {
    let html = format!(
        "<html><body><article><h1>T</h1><figure><img src=a.jpg><figcaption>Boats in the \
         harbour.</figcaption></figure><div class=\"body\"><p>{PROSE}</p><p>{PROSE}</p></div>\
         </article></body></html>"
    );
    let ex = run(&html);
    assert_eq!(ex.captions, vec!["Boats in the harbour."]);
    assert!(!ex.text.contains("Boats"), "{}", ex.text);
}

#[test]
fn extract_no_glued_words_and_br_lines() {
    let html = article(&format!(
        "<p>{PROSE}</p><div><span>alpha</span><div>beta</div>gamma<br>delta&nbsp;&nbsp;epsilon\
         </div><ul><li>first item of the list</li><li>second item</li></ul><p>{PROSE}</p>"
    ));
    let ex = run(&html);
    assert!(
        ex.text.contains("alpha\n\nbeta\n\ngamma\ndelta epsilon"),
        "{}",
        ex.text
    );
    let glued = run(&article(&format!(
        "<p><cite>Hong Kong (AP)</cite>The vote, <b>held</b>late, <i>U.S.</i>law {PROSE}</p>"
    )));
    assert!(
        glued
            .text
            .starts_with("Hong Kong (AP) The vote, heldlate, U.S.law"),
        "{}",
        glued.text
    );
    assert!(
        ex.text.contains("first item of the list\n\nsecond item"),
        "{}",
        ex.text
    );
    assert!(!ex.text.contains('\u{a0}'));
}

#[test]
fn extract_metadata_from_jsonld() {
    let html = format!(
        "<html lang=\"pt-BR\"><head><title>X - Site</title><script type=\"application/ld+json\">\
         {{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebSite\",\"name\":\"W\"}},\
         {{\"@type\":\"NewsArticle\",\"headline\":\"Câmara aprova orçamento\",\
         \"author\":[{{\"@type\":\"Person\",\"name\":\"Ana Souza\"}},{{\"name\":\"João Lima\"}}],\
         \"publisher\":{{\"name\":\"Folha Local\"}},\"datePublished\":\"2023-09-05T10:00:00-03:00\"}}]}}\
         </script></head><body><article><p>{PROSE}</p></article></body></html>"
    );
    let ex = run(&html);
    let m = &ex.meta;
    assert_eq!(m.title.as_deref(), Some("Câmara aprova orçamento"));
    assert_eq!(m.authors, vec!["Ana Souza", "João Lima"]);
    assert_eq!(m.site.as_deref(), Some("Folha Local"));
    assert_eq!(m.published.as_deref(), Some("2023-09-05"));
    assert_eq!(m.language.as_deref(), Some("pt"));
}

#[test]
fn extract_metadata_from_meta_tags_byline_and_url() {
    let html = format!(
        "<html><head><title>Storm hits the coast today | The Daily</title>\
         <meta property=\"og:site_name\" content=\"The Daily\">\
         <meta property=\"article:published_time\" content=\"2021-03-04T08:00:00Z\">\
         <meta property=\"og:locale\" content=\"en_US\"></head><body><article>\
         <div class=\"byline\">By Jane Roe and John Doe</div><p>{PROSE}</p></article></body></html>"
    );
    let ex = run(&html);
    let m = &ex.meta;
    assert_eq!(m.title.as_deref(), Some("Storm hits the coast today"));
    assert_eq!(m.byline.as_deref(), Some("By Jane Roe and John Doe"));
    assert_eq!(m.authors, vec!["Jane Roe", "John Doe"]);
    assert_eq!(m.published.as_deref(), Some("2021-03-04"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert!(!ex.text.contains("Jane Roe"), "{}", ex.text);

    // No metadata in the page: the URL gives the date and the host the site.
    let bare = format!("<html><body><p>{PROSE}</p></body></html>");
    let hints = Hints {
        url: Some("https://www.example.org/news/2019/11/18/story.html".into()),
        ..Hints::default()
    };
    let ex = extract(&bare, &hints);
    assert_eq!(ex.meta.published.as_deref(), Some("2019-11-18"));
    assert_eq!(ex.meta.site.as_deref(), Some("example.org"));
}

#[test]
fn extract_visible_time_element_dates_the_page() {
    let html = format!(
        "<html><body><article><time datetime=\"2020-02-29\">Feb 29</time><p>{PROSE}</p>\
         </article></body></html>"
    );
    assert_eq!(run(&html).meta.published.as_deref(), Some("2020-02-29"));
}

#[test]
fn extract_russian_and_korean_text() {
    let ru = "Парламент обсудил бюджет на следующий год, и депутаты спорили о школах, дорогах и \
              больницах до позднего вечера.";
    let ko = "국회는 내년 예산을 논의했고, 의원들은 학교와 도로, 병원에 대해 늦은 밤까지 토론했다.";
    let ex = run(&article(&format!("<p>{ru}</p><p>{ru}</p><p>{ko}</p>")));
    assert!(
        ex.text.contains("Парламент") && ex.text.contains("국회는"),
        "{}",
        ex.text
    );
}

#[test]
fn extract_malformed_html_does_not_panic() {
    let cases = [
        "",
        "<",
        "<<<>>></p></div></div><td><tr><table>",
        "<html><body><p>unclosed <b>bold <i>italic <a href=x>link",
        "<div class=\"\" id><p>\u{0}\u{FFFD}</p>",
        "<script>never closed",
        "<svg><p>inside svg</p></svg><math><mi>x</mi></math>",
        "<table><p>foster</p><tr><td>cell</td></tr></table>",
        "<template><p>t</p></template><frameset><frame></frameset>",
    ];
    for c in cases {
        let _ = run(c);
    }
    let ex = run(&format!("<p>{PROSE}<p>{PROSE}<div>{PROSE}"));
    assert_eq!(ex.text.split("\n\n").count(), 3, "{}", ex.text);
}

#[test]
fn extract_deep_nesting_is_bounded() {
    let depth = 1_000_000;
    let mut html = String::with_capacity(depth * 11 + 200);
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str(PROSE);
    for _ in 0..depth {
        html.push_str("</div>");
    }
    let t0 = Instant::now();
    let ex = run(&html);
    // Parsing stops at the depth limit; what came before it is still extracted.
    assert!(t0.elapsed() < Duration::from_secs(60));
    let _ = ex.text;
    // Nesting under the limit is extracted in full.
    let mut ok = String::new();
    for _ in 0..500 {
        ok.push_str("<section>");
    }
    ok.push_str(&format!("<p>{PROSE}</p>"));
    assert!(run(&ok).text.contains("late vote"));
}

#[test]
fn extract_huge_flat_page_is_bounded() {
    let mut html = String::from("<html><body>");
    while html.len() < 24 << 20 {
        html.push_str("<p>");
        html.push_str(PROSE);
        html.push_str("</p>");
    }
    let t0 = Instant::now();
    let ex = run(&html);
    assert!(t0.elapsed() < Duration::from_secs(120));
    // Only the first MAX_INPUT_BYTES are parsed.
    assert!(ex.text.len() <= dom::MAX_INPUT_BYTES);
    assert!(ex.text.len() > 1 << 20);
}

#[test]
fn extract_is_deterministic() {
    let html = article(&format!(
        "<p>{PROSE}</p><div class=\"ad\">Buy now</div><figure><figcaption>c</figcaption></figure>\
         <p>{PROSE}</p>"
    ));
    let a = run(&html);
    let b = run(&html);
    assert_eq!(a.text, b.text);
    assert_eq!(a.meta, b.meta);
    assert_eq!(a.captions, b.captions);
    assert_eq!(a.dropped, b.dropped);
}

#[test]
fn extract_uses_jsonld_body_when_dom_finds_little() {
    let long = PROSE.repeat(8);
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\
         \"articleBody\":\"{long}\"}}</script></head><body><p>Short teaser only.</p></body></html>"
    );
    assert_eq!(run(&html).text, long);
}

#[test]
fn meta_helpers() {
    assert_eq!(
        meta::strip_site(
            "Budget vote passes in town | Town Gazette",
            Some("Town Gazette")
        ),
        "Budget vote passes in town"
    );
    assert_eq!(meta::strip_site("Short | Title", None), "Short | Title");
    assert_eq!(
        meta::split_authors("By Ana Souza, João Lima & Li Wei"),
        vec!["Ana Souza", "João Lima", "Li Wei"]
    );
    assert_eq!(
        meta::url_date("https://x.com/2023-09-05/a").as_deref(),
        Some("2023-09-05")
    );
    assert_eq!(meta::url_date("https://x.com/2023/13/05/a"), None);
    assert_eq!(
        meta::host("https://www.BBC.co.uk/news").as_deref(),
        Some("bbc.co.uk")
    );
}

#[test]
fn extract_keeps_embedded_posts_and_linked_section_heads() {
    let html = article(&format!(
        "<p>{PROSE}</p><div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">\
         <p>Quoted post about the vote</p><a href=\"https://t.co/x\">Nov 18</a></blockquote>\
         </div><h2><a href=\"/shop/x\">Budget line one</a></h2><p>{PROSE}</p>\
         <div class=\"social-share\"><a href=\"/s\">Tweet this</a></div>"
    ));
    let ex = run(&html);
    assert!(
        ex.text.contains("Quoted post about the vote"),
        "{}",
        ex.text
    );
    assert!(ex.text.contains("Budget line one"), "{}", ex.text);
    assert!(!ex.text.contains("Tweet this"), "{}", ex.text);
}

#[test]
fn extract_trims_calls_to_action_and_orphan_headings_at_the_end() {
    let html = article(&format!(
        "<p>{PROSE}</p><p>Middle: subscribe to nothing, {PROSE}</p><p>{PROSE}</p>\
         <p>Get the latest news in your inbox. Subscribe to our newsletter.</p>\
         <h3>More in Town</h3>"
    ));
    let ex = run(&html);
    assert!(ex.text.contains("Middle: subscribe"), "{}", ex.text);
    assert!(!ex.text.contains("inbox"), "{}", ex.text);
    assert!(!ex.text.contains("More in Town"), "{}", ex.text);
    assert!(ex
        .dropped
        .iter()
        .any(|d| d.reason == DropReason::Subscription));
}

#[test]
fn extract_article_split_across_same_class_containers() {
    // Two body parts separated by an unrelated block, far apart in the tree.
    let part = |n: &str| format!("<div class=\"post-part\"><p>{n} {PROSE}</p><p>{PROSE}</p></div>");
    let html = format!(
        "<html><body><main><div><div>{}</div></div><div class=\"promo-box\"><a href=\"/\">Shop\
         </a></div><section><div>{}</div></section></main></body></html>",
        part("First"),
        part("Second")
    );
    let ex = run(&html);
    assert!(
        ex.text.contains("First") && ex.text.contains("Second"),
        "{}",
        ex.text
    );
    assert!(!ex.text.contains("Shop"), "{}", ex.text);
}

#[test]
fn extract_random_tag_soup_never_panics() {
    // A small linear congruential generator: reproducible without a dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let pieces = [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<a href=x>",
        "</a>",
        "<table>",
        "<td>",
        "<tr>",
        "<li>",
        "<ul>",
        "</ul>",
        "<br>",
        "<figure>",
        "<figcaption>",
        "</figure>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<h2>",
        "</h2>",
        "<b>",
        "</i>",
        "word ",
        ", ",
        "é",
        "\u{a0}",
        "<div class=\"share\">",
        "<nav>",
        "<svg>",
        "<math>",
        "<template>",
        "<",
        ">",
        "&amp;",
        "&#0;",
        "<time datetime=\"2020-01-01\">",
        "<meta content=",
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":[[[",
    ];
    for _ in 0..200 {
        let len = next() % 400;
        let mut html = String::new();
        for _ in 0..len {
            html.push_str(pieces[next() % pieces.len()]);
        }
        let a = run(&html);
        let b = run(&html);
        assert_eq!(a.text, b.text);
    }
}

#[test]
fn extract_many_texts_under_deep_inline_nesting_is_bounded() {
    // Every text node sits under ~1,900 inline ancestors: per-text walks up the tree would
    // be quadratic here.
    let mut html = String::from("<html><body><div>");
    for _ in 0..1_900 {
        html.push_str("<span>");
    }
    for i in 0..100_000 {
        html.push_str(&format!("w{i}, and more<br>"));
    }
    let t0 = Instant::now();
    let ex = run(&html);
    assert!(t0.elapsed() < Duration::from_secs(60));
    assert!(ex.text.contains("w99999"), "{}", ex.text.len());
}

#[test]
fn html_cut_at_a_limit_says_so_in_notes() {
    let deep = format!(
        "<html><body>{}<p>Ministers met in the capital on Monday to discuss the harbour dispute.</p></body></html>",
        "<div>".repeat(5_000)
    );
    let ex = run(&deep);
    assert!(
        ex.notes.iter().any(|n| n.starts_with("truncated")),
        "{:?}",
        ex.notes
    );
    let small =
        run("<html><body><p>Ministers met in the capital on Monday to talk.</p></body></html>");
    assert!(small.notes.is_empty(), "{:?}", small.notes);
}
