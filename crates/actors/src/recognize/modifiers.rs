//! Words between the start of an actor chain and its role that belong to the role: a
//! portfolio ("justice minister") and, after "former", a political leaning ("former
//! socialist minister").

/// "a former German justice minister", "the interior minister": the portfolio between a
/// country and its minister belongs to the role, so the country and "former" reach it.
pub(crate) fn is_portfolio(w: &str) -> bool {
    // No allocation: this runs on every plain word after a chain start.
    PORTFOLIO_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p))
}

const PORTFOLIO_WORDS: &[&str] = &[
    "justice",
    "interior",
    "finance",
    "economy",
    "economics",
    "trade",
    "energy",
    "health",
    "education",
    "labour",
    "labor",
    "transport",
    "agriculture",
    "environment",
    "culture",
    "tourism",
    "research",
    "science",
    "housing",
    "communications",
    "information",
    "oil",
    "mining",
    "industry",
    "development",
    "treasury",
    "immigration",
    "security",
];

/// "the former socialist minister": a political leaning between "former" and the role says
/// which side the person was on, not whose office it is now; the role stays a former one.
pub(crate) fn is_political(w: &str) -> bool {
    // No allocation: this runs on every plain word after a chain start.
    POLITICAL_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p))
}

const POLITICAL_WORDS: &[&str] = &[
    "socialist",
    "conservative",
    "communist",
    "liberal",
    "labour",
    "labor",
    "centrist",
    "nationalist",
    "leftist",
    "rightist",
    "left-wing",
    "right-wing",
    "far-right",
    "far-left",
    "green",
    "christian",
    "social",
    "democratic",
    "republican",
    "tory",
    "reformist",
    "hardline",
    "moderate",
];
