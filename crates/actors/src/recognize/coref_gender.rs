//! The person and gender words pronoun resolution reads: role words of one person ("the
//! minister"), titles and first names that give a gender, and the two lookups over them
//! ([`gender`], [`personal_role`]). Apart from `coref_pronoun.rs` because these are word
//! lists, extended when a title or a name is missing, while the agreement and salience rules
//! there change for other reasons.

use super::listed;
use crate::recognize::Mention;

/// Role words of one person ("a US official said he").
pub(super) const PERSON_ROLES: &str =
    "president minister leader official spokesman spokeswoman spokesperson secretary \
    ambassador envoy diplomat premier chancellor king queen prince emir general \
    commander chief senator lawmaker governor mayor judge prosecutor director chairman \
    chairwoman negotiator adviser advisor aide candidate representative congressman \
    congresswoman dictator monarch sultan sheikh pope cleric officer soldier activist \
    journalist reporter correspondent author analyst lawyer attorney doctor nurse teacher \
    student worker farmer protester victim suspect man woman boy girl mother father son \
    daughter wife husband witness resident citizen economist professor researcher \
    scientist expert priest imam bishop rabbi member lawmaker legislator councillor \
    councilor sergeant colonel captain lieutenant gunman militant fighter rebel refugee \
    migrant driver pilot owner founder manager banker businessman \
    businesswoman billionaire employee writer editor columnist defendant detainee \
    prisoner hostage player coach singer actor actress artist";

/// Titles that give a gender (`true` female).
const TITLES: &[(&str, bool)] = &[
    ("mr", false),
    ("mr.", false),
    ("sir", false),
    ("lord", false),
    ("king", false),
    ("prince", false),
    ("emperor", false),
    ("duke", false),
    ("sheikh", false),
    ("pope", false),
    ("father", false),
    ("congressman", false),
    ("chairman", false),
    ("spokesman", false),
    ("mrs", true),
    ("mrs.", true),
    ("ms", true),
    ("ms.", true),
    ("miss", true),
    ("madam", true),
    ("madame", true),
    ("lady", true),
    ("dame", true),
    ("queen", true),
    ("princess", true),
    ("empress", true),
    ("duchess", true),
    ("sister", true),
    ("congresswoman", true),
    ("chairwoman", true),
    ("spokeswoman", true),
];

/// First names common in international news whose gender is unambiguous. Written for this
/// project; a name missing here only leaves the gender open.
const FEMALE_NAMES: &str =
    "angela theresa hillary nikki federica christine ursula kamala nancy elizabeth \
    sarah mary anna maria julia jacinda sanna jacqueline benazir indira golda margaret \
    madeleine condoleezza samantha susan kellyanne ivanka melania michelle helen \
    catherine katherine laura linda barbara patricia jennifer karen nicola yulia \
    valentina dilma cristina ellen joyce liz priti kristalina annalena giorgia mette \
    kaja viola olena svetlana natalia irina olga fatima aisha amina leila sophie emma \
    claire rachel rebecca jane ann anne alice diane marie sylvie ségolène segolene beata \
    ewa ana isabel carmen sheila heather amy lisa emily jessica elise kirsten kristi \
    tulsi ilhan alexandria rashida elaine betsy gina janet penny";

const MALE_NAMES: &str =
    "donald barack vladimir xi emmanuel francois françois boris recep benjamin mahmoud \
    bashar hassan ali mohammed muhammad mohammad ahmed ahmad abdel abdul abdullah \
    narendra shinzo justin rex mike michael john james joe george bill william robert \
    richard david peter paul mark thomas charles joseph daniel sergei sergey dmitry \
    dmitri alexei alexey viktor petro volodymyr nicolas jean pierre jean-claude jens \
    antonio kofi jacob cyril rodrigo rouhani javad ayatollah jeremy theodore ted marco \
    bernie chuck mitch rand sean steve stephen jeff jared reince rudy lindsey devin adam \
    jim tom tim chris christopher andrew anthony matthew jack frank gary kevin brian \
    eric scott jason ryan nick martin hans wolfgang frank-walter sigmar olaf friedrich \
    heiko matteo paolo sergio mariano pedro mauricio enrique andres andrés luiz jair evo \
    raul raúl fidel hugo juan carlos jose josé luis manuel miguel yoweri uhuru muhammadu \
    goodluck idriss abiy salva omar khalifa fayez haider nouri masoud ashraf hamid imran \
    nawaz shehbaz prayuth joko najib yoshihide fumio taro mikhail leonid nursultan ilham \
    nikol alexander aleksandar milo andrzej mateusz jaroslaw jarosław stefan lars \
    erdogan binali mevlut ahmet bibi avigdor naftali yair benny ismail yahya khaled \
    salman abdulaziz tamim mohamed hosni abdel-fattah walid";

/// Gender a reader would give the mention: the KB's, else a title inside or right before it,
/// else a known first name.
pub(super) fn gender(text: &str, m: &Mention) -> Option<bool> {
    if m.female.is_some() {
        return m.female;
    }
    let before = text
        .get(..m.start)
        .unwrap_or("")
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let mut words = m.text.split_whitespace().map(str::to_lowercase);
    let first = words.next().unwrap_or_default();
    for w in [&before, &first] {
        if let Some(&(_, f)) = TITLES.iter().find(|(t, _)| t == w) {
            return Some(f);
        }
    }
    // The first name is the first word after any role words ("Foreign Minister Anna X").
    let name_start = std::iter::once(first)
        .chain(words)
        .find(|w| !listed(PERSON_ROLES, w) && !TITLES.iter().any(|(t, _)| t == w));
    let w = name_start?;
    if listed(FEMALE_NAMES, &w) {
        Some(true)
    } else if listed(MALE_NAMES, &w) {
        Some(false)
    } else {
        None
    }
}

/// Whether the mention's last word is a role of one person ("the US official").
pub(super) fn personal_role(m: &Mention) -> bool {
    m.text
        .split_whitespace()
        .next_back()
        .is_some_and(|w| listed(PERSON_ROLES, &w.to_lowercase()))
}
