//! Organisations: legal forms (`LLC`, `OOO`, `GmbH`, `Co., Ltd.`, `有限公司`)
//! found at the start or end of a name (and distinctive ones anywhere), mapped
//! to a canonical class so that equivalents compare equal; generic words
//! (`trading`, `international`, `bank`) and their abbreviations (`intl`, `grp`).
//!
//! Classes follow the legal form, not the country: a form and its translations
//! share a class (ООО = OOO = TOV = "limited liability company" = `llc`), while
//! forms that are only similar keep their own class (`gmbh`, `ltd`, `sarl`) and
//! share a [`LegalForm::family`](crate::LegalForm::family) instead.

use crate::lexicon::{Phrases, WordMap, lines};
use std::sync::LazyLock;

/// Legal forms: `class: form, form, ...`; forms are folded words, `a|b` gives
/// a word's spellings (`obshchestvo|obshestvo`). Abbreviations of up to five
/// letters also match spelled with dots (`L.L.C.` folds to `l l c`).
const FORMS: &str = "
llc: llc, ooo, tov, too, mchj, spy, fze, fzco, fz llc, fzllc, llc fze, fz co, l l c fze,
  limited liability company, limited liability co, ltd liability co, ltd liability company, limited liability corporation,
  obshchestvo|obshestvo|obschestvo s ogranichennoy|ogranichennoi|ogranichennoj|ogranichenoy otvetstvennostyu|otvetstvennostiu|otvetstvennostju|otvetstvenostyu,
  tovarystvo|tovaristvo z obmezhenoiu|obmezhenoyu|obmezhenoju vidpovidalnistiu|vidpovidalnistyu|vidpovidalnistju,
  tovarishchestvo|tovarishestvo s ogranichennoy|ogranichennoi otvetstvennostyu|otvetstvennostiu, you xian ze ren gong si, tnhh, cong ty tnhh,
  yuhan chaegim hoesa, taa, tavarystva z abmezhavanai adkaznastsiu,
  iooo, inostrannoe|inostrannoye obshchestvo|obshestvo|obschestvo s ogranichennoy|ogranichennoi otvetstvennostyu|otvetstvennostiu,
  foreign limited liability company
gmbh: gmbh, gesmbh, mbh, gesellschaft mit beschrankter haftung, ges m b h
sarl: sarl, sarlu, eurl, societe a responsabilite limitee
srl: srl, s r l, sro, s r o, spol s r o, sp z o o, sp zoo, spzoo, spolka z ograniczona odpowiedzialnoscia, doo, d o o,
  kft, ltda, limitada, s de rl, s de r l, sl, slu, s l, bvba, ood, eood, dooel
bv: bv, besloten vennootschap
ltd: ltd, limited, co ltd, company limited, co limited, pte ltd, pte limited, private limited, pvt ltd, pvt limited, pty ltd,
  pty limited, sdn bhd, ltd sti, limited sirketi, tic ltd sti, ticaret ltd sti, san ve tic ltd sti, sanayi ve ticaret ltd sti,
  you xian gong si, you xian hui she, yugen kaisha, chamkad, jamkat, pt, yu han hoe sa, yuhan hoesa
plc: plc, public limited company, public company limited, chamkad mhachn, tbk, public ltd co, oyj, asa
jsc: jsc, ao, at, joint stock company, joint stock co, jt stock co, stock company,
  aktsionernoe|aktsionernoye|akcionernoe|aktsionernoie obshchestvo|obshestvo|obschestvo, aktsionerne|aktsionerne tovarystvo|tovaristvo,
  akcionerno drujestvo, gu fen you xian gong si, zhu shi hui she, kabushiki kaisha, kk, ju sik hoe sa, jusikhoesa, jusik hoesa,
  cong ty co phan, ctcp, dd, d d
pjsc: pjsc, pao, pat, public joint stock company, public jsc, publicly traded company, public stock company, sahami am,
  publichnoe|publichnoye|publichnoie aktsionernoe|aktsionernoye|akcionernoe obshchestvo|obshestvo|obschestvo,
  publichne aktsionerne tovarystvo|tovaristvo
cjsc: cjsc, zao, prat, ztaa, closed joint stock company, private joint stock company, private jsc, closed jsc, sahami khas,
  zakrytoe|zakrytoye|zakrytoie aktsionernoe|aktsionernoye|akcionernoe obshchestvo|obshestvo|obschestvo,
  pryvatne|privatne aktsionerne tovarystvo|tovaristvo
ojsc: ojsc, oao, vat, aat, open joint stock company, open jsc,
  otkrytoe|otkrytoye|otkrytoie aktsionernoe|aktsionernoye|akcionernoe obshchestvo|obshestvo|obschestvo,
  vidkryte aktsionerne tovarystvo|tovaristvo
ag: ag, aktiengesellschaft
sa: sa, societe anonyme, sociedad anonima, sociedade anonima, sa de cv, s a de c v, sab de cv, saic, saa, sae, sal
spa: spa, societa per azioni
nv: nv, naamloze vennootschap
ab: ab, aktiebolag, aktiebolaget
as: as, a s, aps, anonim sirketi, tic as, ticaret as, ticaret anonim sirketi, san ve tic as, sanayi ve ticaret as, tic a s, ticaret a s, san ve tic a s, aktieselskab, aksjeselskap
oy: oy, osakeyhtio
sas: sas, sasu, societe par actions simplifiee
se: se, societas europaea
zrt: zrt, nyrt, rt
ad: ad, ead, akcionersko drustvo
inc: inc, incorporated
corp: corp, corporation, korporatsiya, corporacion
co: co, company, cie, compagnie, compania, companhia, cia, kompaniya, gong si, hoe sa, hoesa, brisath, borisat, cong ty, sherkat
llp: llp, limited liability partnership
lp: lp, limited partnership, kg, kommanditgesellschaft, gmbh co kg, gmbh and co kg, cv, scs
fsue: fgup, fsue, federal state unitary enterprise,
  federalnoe|federalnoye gosudarstvennoe|gosudarstvennoye unitarnoe|unitarnoye predpriyatie|predpriyatiye|predpriiatie
sue: gup, state unitary enterprise, gosudarstvennoe|gosudarstvennoye unitarnoe|unitarnoye predpriyatie|predpriyatiye|predpriiatie,
  dp, derzhavne pidpryiemstvo|pidpriemstvo, state enterprise,
  gosudarstvennoe|gosudarstvennoye|gosudarstvenoye|gosudarstvenoe predpriyatie|predpriyatiye|predpriiatie
mue: mup, municipal unitary enterprise, munitsipalnoe unitarnoe predpriyatie
fsbi: fgbu, fgbou, fgku, fkp, gbu, federal state budgetary institution, federal state budgetary educational institution
npo: npo, nauchno proizvodstvennoe|proizvodstvennoye obedinenie|obyedineniye|obedineniye|obyedinenie,
  nauchnoproizvodstvennoe|nauchnoproizvodstvennoye obedinenie|obyedineniye|obedineniye|obyedinenie,
  nvo, naukovo vyrobnyche obiednannia|obyednannya|obiednannya|obednannya,
  research and production association, scientific production association
ano: ano, nko, autonomous non profit organization, autonomous non profit organisation, avtonomnaya nekommercheskaya organizatsiya
";

/// The family of a legal-form class: forms of one family are comparable
/// (an `llc` and a `gmbh` are both private limited companies).
pub(crate) fn family(class: &str) -> &'static str {
    match class {
        "llc" | "gmbh" | "sarl" | "srl" | "bv" | "ltd" | "oy" => "limited",
        "jsc" | "cjsc" | "ojsc" | "ag" | "sa" | "spa" | "nv" | "ab" | "as" | "sas" | "se" | "zrt" | "ad" => "stock",
        "pjsc" | "plc" => "public",
        "inc" | "corp" => "corporation",
        "co" => "company",
        "llp" | "lp" => "partnership",
        "fsue" | "sue" | "mue" | "fsbi" => "state",
        _ => "other",
    }
}

/// Forms never taken from the middle of a name: they are also words or
/// initials (`co`, `as`, `sa`, `ab`, `at`, `ad`, `pt`, `cv`, `dp`, ...).
fn distinctive(form: &str) -> bool {
    form.len() >= 3
        && !matches!(
            form,
            "company"
                | "corporation"
                | "limited"
                | "spa"
                | "sas"
                | "vat"
                | "pat"
                | "cia"
                | "cie"
                | "sal"
                | "sae"
                | "saa"
                | "too"
                | "ano"
                | "spy"
                | "sro"
                | "doo"
                | "sarl"
                | "gup"
                | "mup"
                | "npo"
                | "hoesa"
                | "sherkat"
                | "brisath"
                | "borisat"
                | "kompaniya"
                | "compania"
                | "companhia"
                | "compagnie"
                | "incorporated"
                | "korporatsiya"
                | "corporacion"
        )
}

/// One-word forms printed before the name (`ООО Ромашка`, `PT Bank`); other
/// one-word forms (`Co`, `SA`, `AG`, `Ltd`) only count at the end.
fn before_name(form: &str) -> bool {
    matches!(
        form,
        "ooo"
            | "tov"
            | "too"
            | "ao"
            | "at"
            | "pao"
            | "pat"
            | "zao"
            | "prat"
            | "oao"
            | "vat"
            | "fgup"
            | "fsue"
            | "gup"
            | "mup"
            | "fgbu"
            | "fgbou"
            | "fgku"
            | "fkp"
            | "gbu"
            | "npo"
            | "ano"
            | "nko"
            | "jsc"
            | "pjsc"
            | "cjsc"
            | "ojsc"
            | "llc"
            | "dp"
            | "mchj"
            | "spy"
            | "pt"
            | "brisath"
            | "borisat"
            | "tnhh"
            | "ctcp"
    )
}

struct Table {
    /// Forms with their class and whether they may stand before the name.
    phrases: Phrases<(&'static str, bool)>,
    /// Single-word forms that may be removed from the middle of a name.
    middle: WordMap<&'static str>,
    classes: usize,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut entries: Vec<(Vec<&'static str>, (&'static str, bool))> = Vec::new();
    let mut classes = 0;
    let mut class = "";
    let mut middle = WordMap::default();
    for line in lines(FORMS) {
        let rest = match line.split_once(':') {
            Some((c, rest)) if !c.contains(',') && !c.contains(' ') => {
                class = c;
                classes += 1;
                rest
            }
            _ => line,
        };
        for form in rest.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            for words in spellings(form) {
                add_form(&mut entries, &mut middle, class, words);
            }
        }
    }
    Table { phrases: Phrases::new(entries), middle, classes }
});

/// Every spelling of a form whose words may list alternatives (`a|b c` → `a c`, `b c`).
fn spellings(form: &'static str) -> Vec<Vec<&'static str>> {
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new()];
    for word in form.split_whitespace() {
        out = out
            .into_iter()
            .flat_map(|prefix| word.split('|').map(move |w| [prefix.as_slice(), &[w]].concat()))
            .collect();
    }
    out
}

fn add_form(
    entries: &mut Vec<(Vec<&'static str>, (&'static str, bool))>,
    middle: &mut WordMap<&'static str>,
    class: &'static str,
    words: Vec<&'static str>,
) {
    {
        {
            if words.len() == 1 {
                let w = words[0];
                if distinctive(w) {
                    middle.insert(w, class);
                }
                // `L.L.C.`, `P.J.S.C.`, `G.m.b.H.` fold to spaced letters.
                if (2..=5).contains(&w.len()) && w != "co" {
                    let spaced: Vec<&'static str> = (0..w.len()).map(|i| &w[i..i + 1]).collect();
                    entries.push((spaced, (class, before_name(w))));
                }
            }
            let start_ok = if words.len() == 1 { before_name(words[0]) } else { true };
            entries.push((words, (class, start_ok)));
        }
    }
}

/// The number of legal-form classes and of forms (with dotted spellings).
pub(crate) fn table_sizes() -> (usize, usize) {
    (TABLE.classes, TABLE.phrases.len())
}

/// The legal form ending at `words[..end]`: its length and class.
pub(crate) fn at_end<S: AsRef<str>>(words: &[S], end: usize) -> Option<(usize, &'static str)> {
    TABLE.phrases.at_end(words, end).map(|(len, (class, _))| (len, class))
}

/// The legal form starting at `words[at]`: its length and class.
/// Only forms that are printed before names count here (`ООО`, `Limited
/// Liability Company`), not `Co` or `SA`.
pub(crate) fn at_start<S: AsRef<str>>(words: &[S], at: usize) -> Option<(usize, &'static str)> {
    TABLE.phrases.at_start(words, at).filter(|(_, (_, ok))| *ok).map(|(len, (class, _))| (len, class))
}

/// The legal-form class of a printed form, if it is one (`"O.O.O."` → `llc`).
///
/// ```
/// assert_eq!(vetter_names::legal_form_class("ООО"), Some("llc"));
/// assert_eq!(vetter_names::legal_form_class("Limited Liability Company"), Some("llc"));
/// assert_eq!(vetter_names::legal_form_class("Trading"), None);
/// ```
pub fn legal_form_class(form: &str) -> Option<&'static str> {
    let tokens = crate::translit::tokenize(form, crate::translit::Systems::PRIMARY).tokens;
    let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
    match at_end(&words, words.len()) {
        Some((len, class)) if len == words.len() => Some(class),
        _ => None,
    }
}

/// Generic organisation words, `word group ;` (the group is shared by a word's
/// abbreviations and translations, `-` for none). Abbreviations marked `=`
/// are unambiguous and replaced by their long form in the token text; those
/// marked `~` are ambiguous (`comm`: commercial, communications, commission)
/// and only get the group, with a step saying so.
const GENERIC: &str = "
the - ; of - ; and - ; for - ; de - ; del - ; la - ; le - ; les - ; du - ; des - ; y - ; e - ; et - ; und - ; der - ; die - ; das - ; van - ; al - ; el - ; i - ; a - ; da - ; do - ; dos - ; di - ; zu - ; v - ; na - ; po - ; im - ; imeni - ; named - ; after -
trading trading ; trade trading ; traders trading ; trader trading ; trdg =trading ; tic trading ; ticaret trading ; torgovyy trading ; torgovaya trading ; torgovyi trading ; torgovy trading ; handels trading ; handel trading ; comercio trading ; commerce trading ; mao yi trading ; muyeok trading ; mu yeok trading
commercial commercial ; comm ~commercial ; comercial commercial ; commerciale commercial ; kommercheskiy commercial ; kommercheskaya commercial
international international ; intl =international ; intnl =international ; int ~international ; internacional international ; internationale international ; internazionale international ; mezhdunarodnyy international ; mezhdunarodnaya international ; guo ji international
group group ; grp =group ; groupe group ; grupo group ; gruppa group ; gruppe group ; ji tuan group
holding holding ; holdings holding ; hldg =holding ; hldgs =holding ; kholding holding
bank bank ; banco bank ; banque bank ; banka bank ; bankas bank ; yin hang bank
company company ; co company ; companies company ; kompaniya company
corporation corporation ; corp corporation ; korporatsiya corporation ; corporacion corporation
industries industry ; industry industry ; industrial industry ; ind ~industry ; inds =industries ; indus ~industry ; industria industry ; industrias industry ; industrie industry ; industriya industry ; promyshlennaya industry ; promyshlennyy industry ; sanayi industry ; sanaye industry ; sanayeh industry ; san industry ; gong ye industry ; shi ye industry
enterprise enterprise ; enterprises enterprise ; ent ~enterprise ; empresa enterprise ; entreprise enterprise ; predpriyatie enterprise ; predpriyatiye enterprise ; pidpryiemstvo enterprise
services services ; service services ; svcs =services ; svc =service ; servicios services ; servis services ; servisy services
solutions solutions ; solution solutions
technologies technology ; technology technology ; tech ~technology ; technologie technology ; tekhnologii technology ; tekhnologiya technology ; tecnologia technology ; ke ji technology ; tekh ~technology
global global ; general general ; gen ~general ; national national ; natl =national ; nacional national ; nationale national ; natsionalnyy national ; natsionalnaya national
import import ; imports import ; export export ; exports export ; impex - ; eksport export ; import export - ; import and export -
investment investment ; investments investment ; invest investment ; inv ~investment ; investitsii investment ; investitsionnaya investment ; tou zi investment
development development ; dev ~development ; developments development ; razvitiya development ; kai fa development
management management ; mgmt =management ; mgt =management ; mngt =management
logistics logistics ; logistic logistics ; wu liu logistics
shipping shipping ; shpg =shipping ; ship shipping ; shipmanagement shipping ; ship management shipping ; chuan wu shipping ; hai yun shipping ; navigation shipping ; maritime marine ; marine marine ; ocean - ; sea - ; lines - ; line - ; tankers - ; tanker - ; carriers - ; carrier - ; transport transport ; transportation transport ; transportnaya transport ; airlines airline ; airline airline ; airways airline ; aviation aviation ; aircraft aviation ; aerospace aviation ; aviatsionnyy aviation ; aviatsionnaya aviation ; aviatsionnoe aviation ; aviatsionnyi aviation ; air airline ; hang kong aviation ; aero aviation
energy energy ; energiya energy ; oil oil ; neft oil ; nft oil ; neftyanaya oil ; gas gas ; gaz gas ; petroleum oil ; petrol oil ; petrochemical - ; shi you oil
construction construction ; stroy construction ; stroitelnaya construction ; construcciones construction ; jian she construction
engineering engineering ; eng ~engineering ; engg =engineering ; inzhiniring engineering ; gong cheng engineering
systems systems ; system systems ; sys ~systems ; sistemy systems ; sistema systems
center center ; centre center ; centro center ; tsentr center ; ctr ~center ; cntr =center ; zhong xin center
manufacturing manufacturing ; mfg =manufacturing ; manufacture manufacturing ; manufacturers manufacturing ; zavod plant ; plant plant ; factory plant ; fabrika plant ; kombinat plant ; works plant ; werk plant ; werke plant
association association ; assn =association ; assoc ~association ; obedinenie association ; obyedineniye association ; associates - ; partners - ; brothers brothers ; bros =brothers
gosudarstvennyy state ; gosudarstvennaya state ; gosudarstvennoye state ; gosudarstvennoe state ; derzhavne state ; derzhavnyi state ; derzhavna state
federation federation ; federatsii federation ; federatsiya federation ; federal federal ; federalnyy federal ; federalnaya federal ; federalnoye federal ; federalnoe federal
issledovatelskiy research ; issledovatelskaya research ; issledovatelskoye research ; issledovatelskii research ; doslidnyi research ; naukovo scientific ; vyrobnyche production
kontsern concern ; concern concern ; upravleniye management ; upravlenie management
leasing leasing ; lizing leasing ; lizingovaya leasing ; lizingovyy leasing ; lizingovaia leasing
gazovaya gas ; gazovyy gas ; neftyanoy oil ; energeticheskaya energy ; energeticheskiy energy ; energetychna energy
morskoy marine ; morskaya marine ; morskoye marine ; morskyi marine ; sudostroitelnyy shipbuilding ; sudostroitelnaya shipbuilding ; shipbuilding shipbuilding ; shipyard shipyard ; shipyards shipyard ; verf shipyard
strakhovaya insurance ; strakhova insurance ; kompaniia company ; hrupa group ; tsentralnyy central ; tsentralny central ; tsentralnyi central ; tsentralnogo central ; central central ; tsentralnaya central
bnk bank ; msrf bank ; shrka company ; shrkt company ; sherkat company ; tjara trading ; tnzym organization ; mnzma organization ; jmya association ; mussa foundation ; dwly international ; dwlya international
in - ; fy - ; fi - ; au - ; en - ; og - ; za - ; tal - ; ve - ; w -
army army ; jysh army ; jaysh army ; jaish army ; armee army ; armiya army ; armii army ; ejercito army ; exercito army ; esercito army ; armata army ; armija army ; armia army ; stratos army
front front ; jbha front ; jabhat front ; jabha front ; jabhah front ; fronte front ; frente front ; fronta front ; frontas front
movement movement ; hrka movement ; harakat movement ; haraka movement ; harakah movement ; mouvement movement ; movimiento movement ; movimento movement ; dvizhenie movement ; bewegung movement ; beweging movement ; hnuti movement ; gibanje movement ; ruch movement ; rorelse movement ; liike movement ; mozgalom movement ; kinisi movement
party party ; hzb party ; hizb party ; parti party ; partiya party ; partido party ; partito party ; partei party ; partij party ; partia party ; partija party ; puolue party ; erakond party ; komma party
islamic islamic ; islamya islamic ; islamiya islamic ; islamiyah islamic ; islamiyya islamic ; islami islamic ; islamia islamic ; islamique islamic ; islamico islamic ; islamica islamic ; islamskiy islamic ; islamskaya islamic ; islamskoe islamic ; islamischer islamic ; islamische islamic ; islamitische islamic ; islamiske islamic ; islamisk islamic ; islamiska islamic ; islamska islamic ; islamski islamic ; islamsky islamic ; islamilainen islamic ; islyamska islamic ; islyamskata islamic ; izlamiku islamic ; islamikos islamic ; islama islamic ; islamo islamic ; iszlam islamic
state state ; owned - ; dwla state ; dawla state ; dawlat state ; etat state ; estado state ; stato state ; staat state ; stat state ; statul state ; valtio state ; valsts state ; valstybe state ; istat state ; allam state ; darzhava state ; darzhavata state ; drzava state ; kratos state
jmaa group ; jamaat group ; jamaa group ; jamaah group ; jamat group ; mjmwa group ; majmuat group ; majmuah group ; groupe group ; groep group ; grupa group ; grupp group ; grup group ; grupata group ; skupina group ; csoport group ; ryhma group ; omada group ; network network ; shbka network ; shabaka network ; shabakat network
organizacion organization ; organizzazione organization ; organisatie organization ; organizace organization ; organizacija organization ; organizacja organization ; organizacia organization ; organisaatio organization ; organizatsia organization
brigade brigade ; brigades brigade ; ktayb brigade ; kataib brigade ; katibat brigade ; katiba brigade ; lwa brigade ; liwa brigade
foundation foundation ; fund fund ; fond fund ; trust - ; institute institute ; inst ~institute ; institut institute ; university university ; univ =university ; universitet university ; academy academy ; akademiya academy ; agency agency ; agentstvo agency ; authority - ; ministry ministry ; ministerstvo ministry ; department department ; dept =department ; office - ; bureau - ; committee - ; council - ; organization organization ; organisation organization ; organizatsiya organization
hong kong hongkong ; xiang gang hongkong ; hk hongkong ; h k hongkong ; shang xing - ; shang hang - ; electronics electronics ; electronic electronics ; elektronika electronics ; elektronik electronics ; ktrwnyk electronics ; elektronnyy electronics ; elektronnaya electronics ; dian zi electronics ; electric electric ; elektro electric ; equipment equipment ; machinery machinery ; machine machinery ; mashinostroitelnyy machinery ; products products ; product products ; supply supply ; supplies supply ; distribution - ; resources resources ; capital capital ; finance finance ; financial finance ; finansovaya finance ; insurance insurance ; securities securities ; exchange exchange ; mining mining ; metals metals ; metal metals ; steel steel ; stal steel ; stali steel ; chemical chemicals ; chemicals chemicals ; khimicheskiy chemicals ; pharmaceutical pharma ; pharmaceuticals pharma ; pharma pharma ; defense defense ; defence defense ; security security ; research research ; scientific - ; nauchno - ; proizvodstvennoe - ; proizvodstvennoye - ; production - ; public - ; private - ; joint - ; branch - ; representative - ; agro - ; firm - ; firma - ; dom - ; house -
";

/// One generic word: its group and, for unambiguous abbreviations, the long form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Generic {
    pub group: Option<&'static str>,
    pub expand: Option<&'static str>,
    /// An ambiguous abbreviation of `group`.
    pub maybe: bool,
}

struct GenericTable {
    words: WordMap<Generic>,
    /// Generic phrases of several words (`mao yi`, `import export`), marked whole.
    phrases: Phrases<Generic>,
}

static GENERIC_TABLE: LazyLock<GenericTable> = LazyLock::new(|| {
    let mut words = WordMap::default();
    let mut phrases = Vec::new();
    for entry in lines(GENERIC).flat_map(|l| l.split(';')) {
        let parts: Vec<&'static str> = entry.split_whitespace().collect();
        let Some((&last, word)) = parts.split_last() else { continue };
        if word.is_empty() {
            continue;
        }
        let g = if let Some(long) = last.strip_prefix('=') {
            Generic { group: Some(long), expand: Some(long), maybe: false }
        } else if let Some(long) = last.strip_prefix('~') {
            Generic { group: Some(long), expand: None, maybe: true }
        } else if last == "-" {
            Generic { group: None, expand: None, maybe: false }
        } else {
            Generic { group: Some(last), expand: None, maybe: false }
        };
        if word.len() == 1 {
            words.insert(word[0], g);
        } else {
            phrases.push((word.to_vec(), g));
        }
    }
    // An expanded abbreviation shares the group of its long form.
    let long_groups: Vec<(&'static str, Option<&'static str>)> = words
        .iter()
        .filter_map(|(k, g)| g.expand.map(|long| (*k, words.get(long).and_then(|l| l.group).or(Some(long)))))
        .collect();
    for (k, group) in long_groups {
        if let Some(g) = words.get_mut(k) {
            g.group = group;
        }
    }
    GenericTable { words, phrases: Phrases::new(phrases) }
});

/// The class of a one-word legal form (`ao`, `ooo`, `llc`, `co`).
pub(crate) fn single(word: &str) -> Option<&'static str> {
    TABLE.phrases.at_start(&[word], 0).filter(|(len, _)| *len == 1).map(|(_, (class, _))| class)
}

/// What a word can be in an organisation's name.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct OrgWord {
    /// A generic word.
    pub generic: Option<Generic>,
    /// The first word of a generic phrase.
    pub phrase: bool,
    /// A distinctive legal form, removed wherever it stands.
    pub middle: Option<&'static str>,
}

static ORG_WORDS: LazyLock<WordMap<OrgWord>> = LazyLock::new(|| {
    let mut m: WordMap<OrgWord> = WordMap::default();
    for (w, g) in &GENERIC_TABLE.words {
        m.entry(w).or_default().generic = Some(*g);
    }
    for w in GENERIC_TABLE.phrases.first_words() {
        m.entry(w).or_default().phrase = true;
    }
    for (w, class) in &TABLE.middle {
        m.entry(w).or_default().middle = Some(class);
    }
    m
});

/// What `word` can be in an organisation's name, with one lookup.
#[inline]
pub(crate) fn org_word(word: &str) -> Option<OrgWord> {
    ORG_WORDS.get(word).copied()
}

/// The number of generic words and phrases.
pub(crate) fn generic_table_size() -> usize {
    GENERIC_TABLE.words.len() + GENERIC_TABLE.phrases.len()
}

/// A generic phrase of several words starting at `words[at]`: its length and entry.
pub(crate) fn generic_phrase<S: AsRef<str>>(words: &[S], at: usize) -> Option<(usize, Generic)> {
    GENERIC_TABLE.phrases.at_start(words, at)
}

/// Whether `word` is a generic organisation word (`trading`, `intl`, `bank`, `the`).
pub fn is_generic(word: &str) -> bool {
    GENERIC_TABLE.words.contains_key(word)
}

#[cfg(test)]
mod tests {
    //! 1. Legal forms at the end and start of real list names are removed and classed.
    //! 2. Equivalent forms (Cyrillic, Latin, dotted, spelled out, Chinese, Korean) share a class.
    //! 3. Distinctive forms are taken from the middle of a name; short ambiguous ones are not.
    //! 4. A name that is only a legal form keeps its words.
    //! 5. Generic words are flagged, unambiguous abbreviations expanded, ambiguous ones grouped.
    use crate::form::{NameKind, normalize};

    fn check(name: &str, expect: &str, classes: &[&str]) {
        let form = normalize(name, NameKind::Organization);
        let text: Vec<&str> = form.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(text.join(" "), expect, "{name}");
        let got: Vec<&str> = form.legal_forms.iter().map(|l| l.canonical).collect();
        assert_eq!(got, classes, "{name}");
    }

    #[test]
    fn list_names() {
        check("Ketee Co Ltd", "ketee", &["ltd"]);
        check("ANGLO-CARIBBEAN CO., LTD.", "anglo caribbean", &["ltd"]);
        check("Novatek PJSC", "novatek", &["pjsc"]);
        check("LLC TSATI", "tsati", &["llc"]);
        check("JOINT-STOCK COMPANY TYAZHMASH", "tyazhmash", &["jsc"]);
        check("Mtf-service LLC", "mtf service", &["llc"]);
        check("Eneya LLC", "eneya", &["llc"]);
        check("Korea Namgang Trading Corporation", "korea namgang trading", &["corp"]);
        check("SUN SCIENCE INTERNATIONAL", "sun science international", &[]);
        check("BANCO NACIONAL DE CUBA", "banco nacional de cuba", &[]);
    }

    /// A legal form of single letters that would leave one letter ends an
    /// acronym: Y.A.S. is no company Y, a.s.
    #[test]
    fn acronyms_keep_their_last_letters() {
        check("Y.A.S. CO LTD.", "y a s", &["ltd"]);
        check("C.A.D. S.A.", "c a d", &["sa"]);
        check("K.A.S.", "k a s", &[]);
        check("Skoda A.S.", "skoda", &["as"]);
    }

    #[test]
    fn equivalents() {
        for name in [
            "ООО Ромашка",
            "OOO Romashka",
            "Romashka LLC",
            "Romashka L.L.C.",
            "Limited Liability Company Romashka",
            "Obshchestvo s Ogranichennoy Otvetstvennostyu Romashka",
            "ТОВ Ромашка",
            "Товариство з обмеженою відповідальністю Ромашка",
        ] {
            check(name, "romashka", &["llc"]);
        }
        for name in
            ["ПАО Газпром", "PAO Gazprom", "Gazprom PJSC", "Public Joint Stock Company Gazprom", "P.J.S.C. Gazprom"]
        {
            check(name, "gazprom", &["pjsc"]);
        }
        check("АО Кронштадт", "kronshtadt", &["jsc"]);
        check("ЗАО Сфера", "sfera", &["cjsc"]);
        check("ОАО Сфера", "sfera", &["ojsc"]);
        check("ФГУП Рособоронэкспорт", "rosoboroneksport", &["fsue"]);
        check("Siemens AG", "siemens", &["ag"]);
        check("Zala Aero GmbH", "zala aero", &["gmbh"]);
        check("Petroleos S.A.", "petroleos", &["sa"]);
        check("Tekfen Tic. A.S.", "tekfen", &["as"]);
        check("Xin Hai Pte. Ltd.", "xin hai", &["ltd"]);
        check("Eagle Sdn Bhd", "eagle", &["ltd"]);
        check("Polimex sp. z o.o.", "polimex", &["srl"]);
        check("Gulf Star LLC FZE", "gulf star", &["llc"]);
        check("长安海连技术有限公司", "zhang an hai lian ji shu", &["ltd"]);
        check("조선백호무역회사", "jo seon baek ho mu yeok", &["co"]);
        check("บริษัท ไทย ไอที ฮาร์ดแวร์ จำกัด", "aithy aiothi hardaewr", &["co", "ltd"]);
        check("ザラ・アエロ・グループ有限会社", "zara aero gurupu", &["ltd"]);
    }

    #[test]
    fn middle_and_whole() {
        check("Sberbank PJSC Moscow Branch", "sberbank moscow branch", &["pjsc"]);
        check(
            "Акционерное Общество «Ярославский Радиозавод» (АО «Ярославский Радиозавод»)",
            "yaroslavskiy radiozavod yaroslavskiy radiozavod",
            &["jsc", "jsc"],
        );
        check("Alfa AS Trading", "alfa as trading", &[]);
        check("Limited", "limited", &[]);
        check("LLC LTD", "llc ltd", &[]);
    }

    #[test]
    fn generic_words() {
        let form = normalize("Sun Intl Trading Grp", NameKind::Organization);
        let text: Vec<&str> = form.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(text, ["sun", "international", "trading", "group"]);
        let generic: Vec<bool> = form.tokens.iter().map(|t| t.generic).collect();
        assert_eq!(generic, [false, true, true, true]);
        let a = normalize("COMM GRP", NameKind::Organization);
        let b = normalize("Commercial Group", NameKind::Organization);
        let groups = |f: &crate::NameForm| f.tokens.iter().map(|t| t.group).collect::<Vec<_>>();
        assert_eq!(groups(&a), groups(&b));
        assert_eq!(a.tokens[0].text, "comm");
        assert!(a.steps.iter().any(|s| s.contains("comm")), "{:?}", a.steps);
        // Hong Kong in Chinese (香港, xiang gang) or as H.K. is a place, as generic as a word.
        let hk = normalize("香港凱利實業有限公司", NameKind::Organization);
        assert!(hk.tokens[..2].iter().all(|t| t.generic && t.group == Some("hongkong")), "{:?}", hk.tokens);
        let hk = normalize("Kaili Industrial H.K. Ltd", NameKind::Organization);
        assert!(hk.tokens[2..].iter().all(|t| t.generic), "{:?}", hk.tokens);
    }

    #[test]
    fn every_form_of_the_issue() {
        let forms = [
            ("LLC", "llc"),
            ("L.L.C.", "llc"),
            ("Ltd", "ltd"),
            ("Limited", "ltd"),
            ("Inc", "inc"),
            ("Incorporated", "inc"),
            ("Corp", "corp"),
            ("Corporation", "corp"),
            ("Co", "co"),
            ("Company", "co"),
            ("PLC", "plc"),
            ("LLP", "llp"),
            ("LP", "lp"),
            ("GmbH", "gmbh"),
            ("AG", "ag"),
            ("KG", "lp"),
            ("SA", "sa"),
            ("S.A.", "sa"),
            ("SARL", "sarl"),
            ("SAS", "sas"),
            ("SpA", "spa"),
            ("Srl", "srl"),
            ("BV", "bv"),
            ("NV", "nv"),
            ("AB", "ab"),
            ("AS", "as"),
            ("A/S", "as"),
            ("Oy", "oy"),
            ("OOO", "llc"),
            ("ООО", "llc"),
            ("Obshchestvo s Ogranichennoy Otvetstvennostyu", "llc"),
            ("Limited Liability Company", "llc"),
            ("TOV", "llc"),
            ("ТОВ", "llc"),
            // Belarusian: ТАА, ЗТАА, ААТ; a foreign-owned ООО (ИООО).
            ("ТАА", "llc"),
            ("ЗТАА", "cjsc"),
            ("ААТ", "ojsc"),
            ("Inostrannoye Obshchestvo s Ogranichennoy Otvetstvennostyu", "llc"),
            ("Научнопроизводственное объединение", "npo"),
            ("Науково-виробниче об’єднання", "npo"),
            ("AO", "jsc"),
            ("АО", "jsc"),
            ("JSC", "jsc"),
            ("Joint Stock Company", "jsc"),
            ("Joint-Stock Company", "jsc"),
            ("Aktsionernoe Obshchestvo", "jsc"),
            ("PAO", "pjsc"),
            ("ПАО", "pjsc"),
            ("PJSC", "pjsc"),
            ("Public Joint Stock Company", "pjsc"),
            ("Publicly Traded Company", "pjsc"),
            ("ZAO", "cjsc"),
            ("ЗАО", "cjsc"),
            ("CJSC", "cjsc"),
            ("OAO", "ojsc"),
            ("ОАО", "ojsc"),
            ("OJSC", "ojsc"),
            ("FGUP", "fsue"),
            ("ФГУП", "fsue"),
            ("GUP", "sue"),
            ("NPO", "npo"),
            ("Pte Ltd", "ltd"),
            ("Pte. Ltd.", "ltd"),
            ("Sdn Bhd", "ltd"),
            ("Pvt Ltd", "ltd"),
            ("Co Ltd", "ltd"),
            ("Co., Ltd.", "ltd"),
            ("LLC FZE", "llc"),
            ("FZCO", "llc"),
            ("Kft", "srl"),
            ("Zrt", "zrt"),
            ("sp. z o.o.", "srl"),
            ("d.o.o.", "srl"),
            ("AD", "ad"),
            ("EAD", "ad"),
            ("Tic. A.S.", "as"),
            ("Ticaret A.S.", "as"),
            ("Ticaret Anonim Sirketi", "as"),
            ("Общество с ограниченной ответственностью", "llc"),
            ("Акционерное общество", "jsc"),
            ("Публичное акционерное общество", "pjsc"),
            ("有限公司", "ltd"),
            ("株式会社", "jsc"),
            ("주식회사", "jsc"),
            ("ՍՊԸ", "llc"),
        ];
        for (form, class) in forms {
            assert_eq!(super::legal_form_class(form), Some(class), "{form}");
        }
    }

    #[test]
    fn classes_and_families() {
        assert_eq!(super::legal_form_class("O.O.O."), Some("llc"));
        assert_eq!(super::legal_form_class("ТОВ"), Some("llc"));
        assert_eq!(super::legal_form_class("GmbH"), Some("gmbh"));
        assert_eq!(super::family("gmbh"), super::family("llc"));
        assert_ne!(super::family("pjsc"), super::family("llc"));
    }
}
