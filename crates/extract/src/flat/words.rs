//! Word lists: function words of several languages (prose has many, menus and headline lists
//! few), the vocabulary of page furniture, and the cue lines that open related-story lists.
//! Written for this crate; short on purpose (the most frequent words carry the signal).

/// Function words of English, Portuguese, Spanish, French, German, Italian and Russian.
/// Sorted, lowercase, so lookup is a binary search.
#[rustfmt::skip]
static STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "ainda", "al", "all", "alla", "als", "also", "am",
    "an", "anche", "and", "any", "aos", "are", "as", "at", "até", "au", "auch", "auf", "aus",
    "aux", "avec", "be", "because", "been", "before", "bei", "being", "between", "both", "but",
    "by", "can", "ce", "cette", "che", "com", "como", "con", "could", "da", "dal", "dalla", "dans",
    "das", "dass", "de", "dei", "del", "della", "delle", "dem", "den", "der", "des", "di", "did",
    "die", "do", "does", "dos", "down", "du", "durch", "during", "e", "each", "ein", "eine",
    "einem", "einen", "einer", "eines", "el", "ela", "ele", "eles", "elle", "em", "en", "entre",
    "er", "es", "essa", "esse", "est", "esta", "este", "está", "et", "foi", "for", "from", "fue",
    "für", "gli", "ha", "haben", "had", "han", "has", "hat", "have", "hay", "he", "her", "here",
    "him", "his", "how", "i", "ich", "if", "ihr", "il", "ils", "im", "in", "into", "is", "isso",
    "ist", "it", "its", "just", "já", "la", "las", "le", "les", "leur", "lo", "los", "lui", "mais",
    "mas", "may", "me", "mit", "more", "most", "muito", "muy", "my", "más", "na", "nach", "nao",
    "nas", "ne", "nel", "nella", "nicht", "no", "noch", "nor", "nos", "not", "nous", "now", "num",
    "numa", "nur", "não", "o", "oder", "of", "off", "on", "one", "only", "ont", "or", "os",
    "other", "our", "out", "over", "où", "par", "para", "pas", "pela", "pelo", "per", "pero",
    "plus", "por", "porque", "pour", "qu", "quando", "que", "qui", "sa", "said", "says", "se",
    "sein", "sem", "ser", "ses", "seu", "seus", "she", "should", "sich", "sie", "sin", "since",
    "sind", "so", "sobre", "some", "son", "sono", "sont", "su", "sua", "suas", "such", "sur",
    "sus", "são", "también", "também", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "told", "too", "tra", "um", "uma", "un",
    "una", "und", "under", "une", "uno", "until", "up", "very", "você", "von", "vor", "vous",
    "war", "was", "we", "werden", "were", "what", "when", "where", "which", "while", "who", "wie",
    "will", "wird", "with", "within", "without", "would", "wurde", "y", "you", "your", "zu", "zum",
    "zur", "à", "às", "è", "é", "été", "être", "über", "а", "бы", "был", "была", "были", "было",
    "быть", "в", "во", "все", "всё", "вы", "да", "для", "до", "его", "ее", "если", "еще", "ещё",
    "же", "за", "и", "из", "или", "им", "их", "к", "как", "которые", "который", "ли", "может",
    "мы", "на", "не", "но", "о", "об", "он", "она", "они", "от", "по", "после", "при", "с", "так",
    "также", "то", "только", "уже", "через", "что", "эта", "эти", "это", "этот", "я",
];

/// Whether `word` (any case, punctuation already trimmed) is a function word.
pub(crate) fn is_stopword(word: &str) -> bool {
    if word.len() > 12 {
        return false;
    }
    let lower = word.to_lowercase();
    STOPWORDS.binary_search(&lower.as_str()).is_ok()
}

/// Words of interface furniture: share bars, menus, log-in prompts, gallery controls.
/// A short line made mostly of these is not prose.
#[rustfmt::skip]
static UI_WORDS: &[&str] = &[
    "about", "account", "back", "button", "caption", "close", "comment", "comments", "contact",
    "copy", "email", "e-mail", "expand", "facebook", "flipboard", "follow", "gallery", "home",
    "image", "instagram", "link", "linkedin", "listen", "log", "login", "logout", "menu",
    "messenger", "more", "newsletter", "newsletters", "next", "of", "open", "pinterest",
    "previous", "print", "read", "reddit", "register", "reply", "rss", "save", "search",
    "sections", "share", "shares", "sign", "subscribe", "telegram", "this", "to", "top", "tweet",
    "twitter", "up", "video", "view", "whatsapp", "youtube", "in", "out", "article", "story",
    "page", "articles", "stories", "photo", "photos", "skip", "content", "main", "toggle",
    "navigation", "compartilhe", "compartilhar", "compartir", "partager", "teilen", "condividi",
    "поделиться", "공유", "댓글", "구독", "click", "opens", "window", "new", "tab", "permalink", "like",
    "likes", "flag", "report", "us", "copied", "later", "bookmark",
];

/// Whether a token (already lowercase) is interface vocabulary.
pub(crate) fn is_ui_word(word: &str) -> bool {
    UI_WORDS.contains(&word)
}

/// Words that, alone or leading a short line, announce a share bar.
pub(crate) const SHARE_WORDS: &[&str] = &[
    "share",
    "tweet",
    "compartilhe",
    "compartilhar",
    "compartir",
    "partager",
    "teilen",
    "condividi",
    "поделиться",
    "공유",
];

/// Whole-line advertisement markers (lowercase, punctuation trimmed).
pub(crate) const AD_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading below",
    "continue reading the main story",
    "publicidade",
    "publicidad",
    "publicité",
    "anzeige",
    "werbung",
    "pubblicità",
    "реклама",
    "광고",
];

/// Cue lines that open a list of other stories; what follows them is not the article.
pub(crate) const RELATED_CUES: &[&str] = &[
    "you might also like",
    "you may also like",
    "you might like",
    "you may like",
    "related",
    "related stories",
    "related articles",
    "related content",
    "related news",
    "related coverage",
    "related topics",
    "read more",
    "read next",
    "more from",
    "more on this",
    "more stories",
    "more news",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular now",
    "recommended",
    "recommended for you",
    "trending",
    "trending now",
    "top stories",
    "latest news",
    "latest stories",
    "also read",
    "see also",
    "don't miss",
    "editor's picks",
    "what to read next",
    "up next",
    "leia também",
    "leia mais",
    "veja também",
    "mais lidas",
    "notícias relacionadas",
    "lea también",
    "te puede interesar",
    "más leídas",
    "lire aussi",
    "à lire aussi",
    "les plus lus",
    "sur le même sujet",
    "mehr zum thema",
    "meistgelesen",
    "das könnte sie auch interessieren",
    "leggi anche",
    "più letti",
    "читайте также",
    "по теме",
    "самое читаемое",
    "популярное",
    "관련기사",
    "관련 기사",
    "많이 본 뉴스",
    "인기 기사",
];

/// Cue lines that open a comment section.
pub(crate) const COMMENT_CUES: &[&str] = &[
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "join the conversation",
    "show comments",
    "view comments",
    "comentários",
    "comentarios",
    "commentaires",
    "kommentare",
    "commenti",
    "комментарии",
    "댓글",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_sorted_and_found_in_any_case() {
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "STOPWORDS must be sorted"
        );
        assert!(is_stopword("The") && is_stopword("que") && is_stopword("что"));
        assert!(!is_stopword("Pyongyang"));
    }
}
