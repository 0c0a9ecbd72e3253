//! Groups of name variants with a canonical form: cognates across languages and
//! transliterations (`Aleksandr`, `Oleksandr`, `Alexandre` → `alexander`),
//! nicknames (`Bill` → `william`), Arabic names in their Latin spellings
//! (`Mohammed`, `Magomed`, `Mehmet` → `muhammad`), patronymics
//! (`Volodymyrovych`, `Vladimirovich` → `vladimirovich`), and Korean syllables in
//! Revised Romanization, McCune-Reischauer and common spellings
//! (`gim`, `kim`; `jeong`, `jong`, `chung`).
//!
//! The tables are facts of naming written for this crate. Cross-language
//! cognates are grouped where lists and passports use them for the same
//! person (Mikhail/Michael, Pyotr/Peter); names that only share an origin but
//! are not interchanged in practice stay apart (Ivan/John, Yusuf/Joseph,
//! Ibrahim/Abraham, Yuri/George).

use crate::lexicon::{Sketch, WordHasher, WordMap, lines};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Given names: `canonical: variants`. The canonical form is itself a member.
const GIVEN: &str = "
# Abbreviations read as words
saint: st sankt
# Slavic male names and their cognates
alexander: aleksandr aleksander alexandr alexandre alessandro alejandro alexandros oleksandr olexandr oleksander aleksandar aleksandras alexandru aliaksandr alyaksandr aliaksandar aljaksandr sasha sascha sacha alex aleks oles
alexey: alexei aleksei aleksey alexej aleksej oleksiy oleksii olexiy oleksij oleksiy aleksiy aliaksei aliaksey aleksiej alexios alexis alyosha lyosha
anatoly: anatoli anatoliy anatolii anatolij anatole anatolie
andrew: andrei andrey andriy andrii andrij andrzej andreas andre andres andreu andrija andrej andrey andrea andrei andy drew andrius
anthony: antony anton antonio antoine antonin antoni antonius tony antanas antonios
arkady: arkadi arkadiy arkadii arkadij arkadiusz
artem: artyom artiom artemiy artemii artemy artemij
bogdan: bohdan
boris: borys barys
vadim: vadym vadzim
valentin: valentyn valentine valentino valentyin
valery: valeri valeriy valerii valerij valeriu valere
vasily: vasili vasiliy vasilii vasyl vasil vasile vassily wassily vasilij basil vasilios vasileios
viktor: victor wiktor vittorio viktar vitor
vitaly: vitali vitaliy vitalii vitalij witalij vital
vladimir: volodymyr wladimir wladimir vladimer uladzimir vladimiro volodimir wlodzimierz volodya volodia vova uladimir
vladislav: vladyslav wladyslaw wladislaw vladislaw uladzislau
vyacheslav: viacheslav vjaceslav wjatscheslaw vyacheslaw viachaslau vjacheslav
gennady: gennadi gennadiy gennadii hennadiy hennadii gennadij genadiy genadi hienadz genadz gienadz hienadzi
george: georgy georgi georgiy georgii heorhiy heorhii georg georges jorge giorgio giorgi gheorghe jerzy jiri yiorgos giorgos georgios jorgen
gleb: hlib hleb
herman: german hermann
gregory: grigory grigori grigoriy grigorii hryhoriy hryhorii gregor gregorio grzegorz gregoire greg grigol ryhor rygor
denis: denys dennis dzianis denys dionysios
dmitry: dmitri dmitriy dmitrii dmytro dimitri dimitry dimitrios dimitar dymitr mitya dima dzmitry dzmitryi dmitrij
yevgeny: evgeny evgeni evgeniy evgenii yevgeni yevgeniy yevgenii yevhen yevhenii yevheniy eugene eugen eugeniusz eugenio evgenij jewgeni zhenya yauhen evgenios jevgenij
yegor: egor yehor
ivan: iwan ioann ivano ivo
igor: ihor ighar
ilya: ilia illia ilja ilyas ilias
kirill: kyrylo kiril cyril cyrille kyrill kirils
konstantin: kostiantyn kostyantyn constantine constantin costantino konstanty kostya kanstantsin konstantinos
leonid: leonyd
maksim: maxim maksym maxime massimo maks max maximilian maksimilian makism
michael: mikhail mykhailo mykhaylo michal michel miguel michele mikhael mihail mihai mikael mikhal misha mike mikhayl mihails michail mikheil
nicholas: nikolai nikolay nicolas mykola nikola nicola niccolo nikolaos mikola nicolae niklas nikolaus kolya mikalai nikolaj nicolai klaus mikalay
oleg: oleh aleh
paul: pavel pavlo paolo pablo pawel pavol paulo pavle paulius pal pavlos
peter: pyotr petr petro piotr pietro pedro pierre petar petre peder petrus pyetr piotr petros pete
roman: romain romano raman
stephen: stepan stefan stephan stefano esteban etienne stevan stjepan stephane steve steven stsiapan stefanos stiepan stsyapan
taras
theodore: fyodor fedor fedir feodor teodor theodor teodoro fiodor fyodar todor
yuri: yury yuriy yurii iurii jurij juri yurij yura yurie jury iouri yuras
jacob: yakov yakiv iakov yaakov jakob jakub jacobo yakub yaqub yacoub yaqoob yakup jakov
yaroslav: jaroslav jaroslaw
sergey: sergei serhiy serhii sergii sergiy serhij sergej siarhei sergiu sergio serge seryozha sergejs syarhey siarhej syarhei
nikita: mykyta mikita nikitas
arseny: arseni arseniy arsenii arsenij
svyatoslav: sviatoslav sviataslau svjatoslav
rostislav: rostyslav rastsislau
zakhar: zakhariy zahar
gavriil: gavril havrylo gabriel gabriele gavriel
innokenty: innokentiy innokentii
leonty: leontiy leontii
afanasy: afanasiy afanasii opanas panas
kuzma: kozma cosmas
miron: myron
rodion: radion
savely: saveliy savelii
emelyan: yemelyan yemelian omelian
zinovy: zinoviy zinovii
erik: eric erich
ernest: ernst ernesto
rudolf: rudolph rodolfo rudi
oscar: oskar
felix: feliks
klim: kliment clement clemens
ignat: ignatiy ignatii ignatius ignacio ignazio
stanislav: stanislaw stanislas stanislao stanislau stas
semyon: semen simeon semion semyon symon
simon: szymon simone simao
lev: leo lew
mark: marc marco marcus markus marek marko
matthew: matvey matviy matvei matthias mathias matteo mateo mateusz matt matija
daniel: daniil danylo danila danilo daniele dan danny daniyal daniyar
david: davyd davide dawid davit dave davy
philip: filip felipe filippo philippe pilip filipp phil
luke: luka luca lucas lukas luc
timothy: timofey tymofiy timofei tim timotheus
efim: yefim yukhym efim
emil: emile emilio emiliano
# Slavic female names
alexandra: aleksandra oleksandra alessandra alejandra alexandrina aliaksandra
anastasia: anastasiya anastasiia nastya anastassia anastasija
anna: hanna hannah ganna ana anne ann anya annette
daria: darya dariia dariya darja
catherine: ekaterina yekaterina kateryna katerina katherine kathryn caterina catalina katarzyna katharina katya kate kathy katie kasia katsiaryna jekaterina
elena: yelena olena helen helena alena alyona alona aliona jelena lena
elizabeth: elizaveta yelizaveta yelyzaveta elisabeth elisabetta liz liza lisa beth betty elzbieta alzbeta
eugenia: evgenia yevgenia yevheniia yevheniya evgeniya yevgeniya jewgenija
galina: halyna halina
inna
irina: iryna irena irene iryna irini
yulia: yuliya yuliia julia julija iuliia juliya yuliana julie
larisa: larysa larissa
lyudmila: ludmila liudmyla lyudmyla ljudmila ludmilla
lyubov: liubov lubov lyubov
margarita: marharyta margaret margarete margarethe margherita marguerite peggy maggie
maria: mariya mariia marija marie mary maryia mariia
marina: maryna
natalia: natalya nataliya nataliia natalie nathalie natalja natasha natallia
nadezhda: nadiia nadiya nadzeya
oksana: oxana
ksenia: kseniya kseniia xenia ksenya
olga: olha volha
svetlana: svitlana sviatlana
sofia: sofiya sofiia sophia sophie zofia
tatiana: tatyana tetiana tetyana tatjana tania tanya tatsiana
valentina: valentyna
vera: vira
victoria: viktoriya viktoria viktoriia wiktoria vika
zoya: zoia zoe
antonina: antonia
valeria: valeriya valeriia valerie
veronika: veronica
zhanna: jeanne zhana
kristina: christina kristine khrystyna christine krystyna
lidia: lidiya lydia
lilia: liliya lili
maya: maiya maja
polina: paulina pauline
taisia: taisiya
yana: iana jana
angela: anzhela anzhelika angelika angelina
alisa: alice alicia
klavdiya: claudia klaudia klavdia
emilia: emiliya
barbara: varvara barb basia
patricia: patty tricia patrizia
sarah: sara sarra
carol: caroline carolina karolina
stephanie: stefanie stefania
rachel: rahel rakhil
esther: ester estera
judith: judit yehudit yudith yudit
olesya: olesia
evdokia: yevdokiya yevdokia
# English and European names with their nicknames
william: bill billy will willy willie wilhelm guillaume guillermo guglielmo vilhelm liam wim
robert: bob bobby rob robbie roberto robertas
richard: dick rick ricky rich richie ricardo riccardo rikard ryszard
james: jim jimmy jamie jaime giacomo seamus hamish jas
john: jon johnny jonny jack johann johannes juan giovanni joao jean hans
thomas: tom tommy thom tomas tomasz tommaso thomaz foma thos
edward: ed eddie ted teddy eduard edouard eduardo edoardo edvard edw
charles: chuck charlie chas carlos carlo karl carl karol charley
joseph: joe joey josef jose giuseppe iosif jozef josip osip jos yosyp yosif iosyp osyp
samuel: sam sammy samuele saml
benjamin: benny benji benj
christopher: chris kristopher cristoforo christophe christoph krzysztof
patrick: pat paddy patricio patrizio
frederick: fred freddie friedrich federico frederic fryderyk
henry: harry hank heinrich henri enrico enrique henrik hendrik
lawrence: larry laurence lorenzo laurent lorenz
francis: frank francesco francisco francois franz frantisek franciszek
susan: sue susie suzanne susanna
deborah: debbie deb
jennifer: jen jenny
rebecca: becky
kenneth: ken kenny
raymond: ray ramon raimondo
ronald: ron ronnie
donald: donnie
walter: walt wally
jeffrey: jeff geoffrey
albert: alberto albrecht
gerald: gerry gerard gerardo
arthur: art artur arturo
brian: bryan
christian: kristian cristian christiaan
douglas: doug
joshua: josh
louis: luis lewis luigi ludwig lou ludovic ludovico
martin: martyn marten martino
nathan: nate
sean: shawn shaun
stanley: stan
terence: terry terrence
vincent: vincenzo vicente vince
zachary: zach zack
abraham: avraham avram abram abe
isaac: yitzhak isaak itzhak yitzchak ytshk
moses: moshe moise mozes
solomon: shlomo salomon
elijah: eliyahu elias
raphael: rafael rafail raffaele
emmanuel: immanuel manuel manny
dominic: dominik domenico domingo
sebastian: sebastien sebastiano
julius: julio giulio juliusz
hugo: hugh ugo
leonard: leonardo
marcel: marcello marcelo
adrian: adriano adrien
gustav: gustavo gustave
javier: xavier
angel: angelo
fernando: ferdinand hernando
alfonso: alphonse alfons
# Arabic, Persian and Turkic names
muhammad: mohammed mohamed mohammad muhammed mukhammad mohamad muhamad muhammet mehmet mehmed magomed mohamud mohammod mahomed mohd muhd mohamet mouhamed mouhammad mukhamed mukhammed magomet muhamed md mhd mohamadou mamadou
ahmad: ahmed akhmed akhmad achmed ahmet ahmat ahmadu ahmmed ahamed
mahmud: mahmoud mahmood makhmud mehmud mahmut mahamoud mahmod
hussein: husayn hussain husain husein hossein hosein hosain gusein guseyn khusein khuseyn huseyin huseyn houssein husseyn hussien husayin
hasan: hassan gasan khasan hassane hasen hassen hacen
ali: aly alee aliy
omar: umar omer umer omar oumar
usama: osama usamah osamah oussama ousama ossama
yusuf: yousef yousuf youssef yusef yousif yussuf yusuph jusuf yusup yousof
abdullah: abdallah abdulla abdullahi abdellah abdalla abdoulaye abdulloh abdulah abdollah
qasim: qasem qassim kasem kasim qassem ghasem gasem kassem kasym qaasim kassim gasim
khalid: khaled halid chaled kaled khalied khaleed khalyd
ibrahim: ebrahim ibraheem ibragim brahim ebraheem ibrohim
ismail: ismael esmail ismoil ismayil ismayl ismaïl
mustafa: mustapha moustafa mostafa mustafo mostapha moustapha
mahdi: mehdi mekhdi
hamza: hamzah hamzeh hamsa
hamid: hameed khamid hamed
said: saeed saied saeid saiid saied sayeed saeid
abbas: abas
aziz: azeez
karim: kareem kerim
jamal: gamal djamal jamaal cemal dzhamal
khalil: halil khaleel
walid: waleed valid
tariq: tarek tareq tarik tareck
nasser: nasir naser nassir naseer
faisal: faysal feisal faycal fayssal faisel
fatima: fatimah fatma fatemeh fatemah fotima fatime
aisha: aysha ayesha aicha aishah aisa
zaynab: zainab zeinab zeynep
maryam: mariam meryem maryem mariyam
salman: selman
sulayman: suleiman sulaiman suleyman sleiman soliman suliman sulejman
ayman: aiman eyman
mansur: mansour mansoor
nur: noor nour nuur
osman: uthman othman usman utman
idris: idriss edris
jafar: jaafar jafer djafar dzhafar
rashid: rasheed rachid rashed rasyid rosyid
majid: majeed madjid mejid magid
sharif: shareef cherif sherif
anwar: anouar enver anvar
haydar: haidar heydar haider hayder heider
jabir: jaber
nabil: nabeel
yahya: yahia yehia yahiya
zakariya: zakaria zakariyya zakariya
hafiz: hafez hafeez hafed hafedh hafidh hafid
mohsen: muhsin mohsin
reza: riza ridha rida ridho redha reda
javad: jawad djawad
ghulam: gholam golam gulam
asghar: asgar
zia: ziya
ramadan: ramazan ramzan ramadhan
shamil: shamyl
timur: temur timour
rustam: rustem rostam
aslan: arslan
abu: abou abo
bakr: bakir bakar
sayf: saif seif
salah
musa: moussa mousa
isa: issa eesa eisa essa aissa
yunus: younes younis yunis
dawud: daoud daud dawood davud
jibril: jibreel
amin: ameen emin aameen amine
zaid: zayd zeid
hisham: hesham hicham
adel: adil adel
mounir: munir
jalal: djalal
akram: akrem
bilal: belal
saleh: salih
salim: saleem selim
sami: samy
samir: sameer
tahir: taher
tawfiq: tawfik toufik tevfik tofig tofik
wael: wail
yasin: yassin yaseen yasseen
yasir: yasser yaser yassir
zuhair: zuhayr
bashir: basheer beshir
bashar: bachar
fahd: fahad
fawzi: fawzy fauzi
ghazi: gazi
habib: habeeb
hani: hany
hashim: hashem hachem
husam: hussam hosam
ihsan: ehsan
imad: emad
issam: essam
kamal: kemal
kazim: kadhim kazem
mahir: maher
murad: murat mourad
nuri: nouri
qais: qays kais
rafiq: rafik
rami: ramy
riad: riyad riyadh
ridwan: redouane radwan rizvan
sadiq: sadik sadegh
suhail: sohail suhayl
uday: udai oday
qusay: qusai qussay
zaki: zaky
ziad: ziyad zeyad
iyad: eyad ayad ayyad iyyad
harith: hareth haris harethe
amr: amro amru
badr: bader
faris: fares
fuad: fouad
harun: haroun haroon
hatim: hatem
khalifa: khalifah
mazin: mazen
muhannad: mohanad
mundhir: munther munzer
nadir: nader
rashad: rachad
shawkat: shaukat sevket
morteza: murtaza mortaza murtada
mojtaba: mujtaba
masoud: masud masood
dariush: darius dariusz
parviz: parvez pervez
narges: nargis
dzhokhar: jokhar djokhar dzhohar
khamzat: hamzat
bolat: bulat polat
yerlan: erlan
askar: asqar
farid: fareed
ilham: ilgam
# Arabic and Persian surnames
soleimani: suleimani sulaimani solaimani sulaymani suleymani soleymani
khamenei: khamenehi khamenei
rouhani: rohani ruhani
hashemi: hashimi
tikriti: takriti
zawahiri: zawahri
qaddafi: gaddafi kadhafi gadhafi qadhafi kaddafi gadafi
nasrallah: nasrullah
";

/// Korean syllables as printed in names: the Revised Romanization first,
/// then McCune-Reischauer and common spellings. Only syllables of names.
const KOREAN: &str = "
gim: kim
i: lee yi ri rhee rhie li
bak: park pak bahk
choe: choi chwe
jeong: jung chung jong chong cheong
jang: chang
jo: cho joh
yun: yoon youn
im: lim rim yim
han: hahn
o: oh
seo: suh
sin: shin
gwon: kwon kweon
hwang
an: ahn
yu: yoo you
ryu: rhyu ryoo
jeon: chon chun
hong
go: ko koh
mun: moon
yang
son: sohn
bae: pae bai
baek: paek paik baik
heo: hur huh
nam
sim: shim
no: roh noh ro
ha
gwak: kwak
seong: sung
cha
ju: joo chu
u: woo
gu: koo ku
min
na: ra
jin: chin
ji: chi jee
eom: um uhm
chae
won
cheon:
bang: pang
gong: kong
hyeon: hyun hyon
ham
byeon: byun pyon
yeom: yum
yeo: yoh yo
do: to
seok: suk sok
seol: sul
gil: kil
myeong: myung myong
gi: ki
ban: pan
geum: keum kum
tak: tak
eun: un
yeong: yong young ryong ryeong
cheol: chol chul choel
il
su: soo
ho
gwang: kwang
gyu: kyu
hui: hee heui
hyeok: hyok hyuk
jun: joon
sik: shik
hun: hoon
taek: taik thaek
myeon: myon
jae: jai
tae
beom: bum pom bom pum
geun: keun kun gun
ung: woong
hwan
sun: soon
deok: duk tok
dong: tong
seung:
gyeong: kyong kyung gyong
chan
ryeol: ryol yeol yol
";

struct Groups {
    map: WordMap<&'static str>,
    /// The words of `map`: most words are no given name, and one bit tells so.
    sketch: Sketch,
    /// Korean syllables; single letters (`i`, `o`, `u`) only count for Hangul tokens.
    korean: WordMap<&'static str>,
    /// Canonical forms of patronymics, built from the male given names.
    patronymic: WordMap<(String, String)>,
    /// Given names as they stand before a patronymic ending (`serge` in
    /// `Sergeevich`, `mykolai` in `Mykolaiovych`, `yakovl` in `Yakovlevich`).
    stems: HashMap<Box<str>, &'static str, BuildHasherDefault<WordHasher>>,
    /// Spellings listed in two groups (the tests require none).
    #[cfg_attr(not(test), allow(dead_code))]
    conflicts: Vec<(&'static str, &'static str, &'static str)>,
}

fn parse(
    table: &'static str,
    map: &mut WordMap<&'static str>,
    conflicts: &mut Vec<(&'static str, &'static str, &'static str)>,
) {
    for line in lines(table) {
        let (canon, variants) = line.split_once(':').unwrap_or((line, ""));
        let canon = canon.trim();
        for v in std::iter::once(canon).chain(variants.split_whitespace()) {
            match map.get(v) {
                Some(other) if *other != canon => conflicts.push((v, *other, canon)),
                _ => {
                    map.insert(v, canon);
                }
            }
        }
    }
}

static GROUPS: LazyLock<Groups> = LazyLock::new(|| {
    let mut map = WordMap::default();
    let mut korean = WordMap::default();
    let mut conflicts = Vec::new();
    parse(GIVEN, &mut map, &mut conflicts);
    let mut korean_conflicts = Vec::new();
    parse(KOREAN, &mut korean, &mut korean_conflicts);
    let mut patronymic = WordMap::default();
    for &canon in map.values() {
        patronymic.entry(canon).or_insert_with(|| (format!("{canon}ovich"), format!("{canon}ovna")));
    }
    let mut stems: HashMap<Box<str>, &'static str, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut spellings: Vec<(&'static str, &'static str)> = map.iter().map(|(v, c)| (*v, *c)).collect();
    spellings.sort_unstable();
    for &(v, canon) in &spellings {
        stems.entry(v.into()).or_insert(canon);
    }
    for &(v, canon) in &spellings {
        let mut forms: Vec<String> = Vec::new();
        for end in ["iy", "ii", "yi", "y", "i", "a"] {
            if let Some(stem) = v.strip_suffix(end).filter(|s| s.len() >= 3) {
                forms.push(stem.to_owned());
            }
        }
        if v.ends_with('a') {
            forms.push(format!("{v}i"));
            forms.push(format!("{v}y"));
        }
        if v.ends_with('v') {
            forms.push(format!("{v}l"));
        }
        for f in forms {
            stems.entry(f.into_boxed_str()).or_insert(canon);
        }
    }
    // A Korean spelling that is also a given name reads as the given name.
    conflicts.extend(korean.keys().filter(|k| map.contains_key(*k)).map(|k| (*k, map[k], korean[k])));
    let sketch = Sketch::of(map.keys().copied());
    Groups { map, sketch, korean, patronymic, stems, conflicts }
});

impl Groups {
    /// The group of a given-name spelling.
    #[inline]
    fn given(&self, word: &str) -> Option<&'static str> {
        if !self.sketch.may_contain(word) {
            return None;
        }
        self.map.get(word).copied()
    }
}

/// The number of groups and of spellings in the given-name and Korean tables.
pub(crate) fn table_sizes() -> (usize, usize, usize) {
    let groups = GROUPS.map.values().collect::<std::collections::HashSet<_>>().len();
    (groups, GROUPS.map.len(), GROUPS.korean.len())
}

/// Korean surnames as printed in Latin; a name that starts or ends with one
/// (or has Hangul) is read as Korean, so its syllables get Korean groups.
const KOREAN_SURNAMES: &str = "
kim gim lee yi ri rhee rhie park pak bak choi choe chwe jung jeong chung jong chong kang gang cho jo yoon yun youn
jang chang lim im rim yim han hahn oh o seo suh shin sin kwon gwon hwang ahn an song ryu rhyu yu yoo jeon chon chun
hong ko go koh moon mun yang son sohn bae pae baek paek paik heo hur huh nam sim shim no roh noh ha kwak gwak sung
seong cha joo ju woo u gu koo ku min na ra jin ji chi eom um uhm chae won cheon bang pang gong kong hyun hyeon hyon
ham byun byeon pyon yeom yeo do seok seol gil kil myung myeong pyo ban geum keum tak
";

static KOREAN_SURNAME_SET: LazyLock<(Sketch, WordMap<()>)> = LazyLock::new(|| {
    (Sketch::of(KOREAN_SURNAMES.split_whitespace()), KOREAN_SURNAMES.split_whitespace().map(|w| (w, ())).collect())
});

/// Whether `word` is a Korean surname as printed in Latin letters.
pub(crate) fn is_korean_surname(word: &str) -> bool {
    word.len() <= 5 && KOREAN_SURNAME_SET.0.may_contain(word) && KOREAN_SURNAME_SET.1.contains_key(word)
}

/// The group of a word: given names first, then patronymics, then Korean
/// syllables if the name reads as Korean (`korean`; one-letter syllables
/// only for Hangul tokens, `hangul`).
pub(crate) fn group(word: &str, hangul: bool, korean: bool) -> Option<&'static str> {
    if let Some(g) = GROUPS.given(word) {
        return Some(g);
    }
    if (hangul || (korean && word.len() >= 2))
        && let Some(g) = GROUPS.korean.get(word)
    {
        return Some(g);
    }
    // Patronymics end in -ich/-ych or -na.
    if word.len() >= 7 && matches!(word.as_bytes()[word.len() - 1], b'h' | b'a') {
        return patronymic(word);
    }
    None
}

/// The canonical form of a given name (`Oleksandr` → `alexander`), if it is in a group.
///
/// ```
/// assert_eq!(vetter_names::name_group("mykhailo"), Some("michael"));
/// assert_eq!(vetter_names::name_group("volodymyrovych"), Some("vladimirovich"));
/// assert_eq!(vetter_names::name_group("putin"), None);
/// ```
pub fn name_group(word: &str) -> Option<&'static str> {
    group(word, false, true)
}

/// Endings of patronymics: male `-ovich`/`-ovych`/`-ich`, female `-ovna`/`-ivna`.
const PATRONYMIC: [(&str, bool); 16] = [
    ("yevich", true),
    ("ievich", true),
    ("iyovych", true),
    ("iiovych", true),
    ("ovich", true),
    ("evich", true),
    ("ovych", true),
    ("evych", true),
    ("yevna", false),
    ("ievna", false),
    ("ovna", false),
    ("evna", false),
    ("ivna", false),
    ("yivna", false),
    // `Yakovych`, `Ilyich`, `Lukich`.
    ("ych", true),
    ("ich", true),
];

/// The canonical patronymic of a word (`Volodymyrovych` → `vladimirovich`).
fn patronymic(word: &str) -> Option<&'static str> {
    for (suffix, male) in PATRONYMIC {
        let Some(stem) = word.strip_suffix(suffix) else { continue };
        if stem.len() < 3 {
            continue;
        }
        if let Some(canon) = GROUPS.stems.get(stem)
            && let Some((m, f)) = GROUPS.patronymic.get(canon)
        {
            return Some(if male { m.as_str() } else { f.as_str() });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    //! 1. Every spelling belongs to one group only (the tables have no conflicts).
    //! 2. Cognates, transliterations and nicknames share their group (names from the lists).
    //! 3. Patronymics of one name share a group across Russian and Ukrainian spellings.
    //! 4. Korean syllables in RR and common spellings share a group; one-letter ones only from Hangul.
    use super::*;

    fn same(words: &[&str]) {
        let g = name_group(words[0]);
        assert!(g.is_some(), "{} has no group", words[0]);
        for w in words {
            assert_eq!(name_group(w), g, "{w} vs {}", words[0]);
        }
    }

    #[test]
    fn no_conflicts() {
        assert!(GROUPS.conflicts.is_empty(), "{:?}", GROUPS.conflicts);
        let (groups, spellings, korean) = table_sizes();
        assert!(groups > 250, "{groups} groups");
        assert!(spellings > 1200, "{spellings} spellings");
        assert!(korean > 100, "{korean} Korean spellings");
    }

    #[test]
    fn cognates() {
        same(&["muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mukhammad", "mohamad", "mehmet", "magomed"]);
        same(&["ahmad", "ahmed", "akhmed"]);
        same(&["hussein", "husayn", "hussain", "husein", "gusein"]);
        same(&["hasan", "hassan", "gasan"]);
        same(&["omar", "umar"]);
        same(&["osama", "usama"]);
        same(&["yusuf", "yousef"]);
        same(&["abdullah", "abdallah", "abdulla"]);
        same(&["qasem", "qassim", "kasem", "qasim", "ghasem"]);
        same(&["soleimani", "suleimani", "sulaimani", "solaimani"]);
        same(&["aleksandr", "alexander", "oleksandr", "alexandre", "alessandro", "sasha", "sascha", "alex"]);
        same(&["vladimir", "volodymyr", "wladimir", "volodya"]);
        same(&["sergei", "sergey", "serhiy", "serhii", "sergiy"]);
        same(&["dmitry", "dmitri", "dmytro", "dimitri"]);
        same(&["yuri", "yury", "yuriy", "iurii"]);
        same(&["mikhail", "michael", "mykhailo", "misha"]);
        same(&["nikolai", "nicholas", "mykola"]);
        same(&["pyotr", "petr", "peter", "petro"]);
        same(&["andrei", "andrey", "andriy", "andrew"]);
        same(&["alexei", "alexey", "oleksiy", "aleksei"]);
        same(&["evgeny", "yevgeny", "yevhen", "eugene"]);
        same(&["william", "bill", "will", "billy", "wilhelm", "guillaume"]);
        same(&["robert", "bob", "rob", "bobby"]);
        same(&["richard", "dick", "rick"]);
        same(&["james", "jim", "jimmy"]);
        same(&["john", "jon", "johnny"]);
        same(&["elizabeth", "liz", "beth"]);
        same(&["katherine", "catherine", "kate", "ekaterina", "yekaterina", "kateryna"]);
        same(&["margaret", "peggy"]);
        same(&["thomas", "tom"]);
        same(&["edward", "ted", "ed"]);
        same(&["charles", "chuck"]);
        same(&["anthony", "tony"]);
        same(&["joseph", "joe"]);
        same(&["daniel", "dan"]);
        same(&["samuel", "sam"]);
        assert_ne!(name_group("ivan"), name_group("john"));
        assert_ne!(name_group("yusuf"), name_group("joseph"));
        assert_eq!(name_group("putin"), None);
    }

    #[test]
    fn patronymics() {
        same(&["vladimirovich", "volodymyrovych", "volodimirovich"]);
        same(&["sergeyevich", "sergeevich", "serhiyovych", "serhiiovych"]);
        same(&["aleksandrovich", "oleksandrovych"]);
        same(&["nikolayevich", "nikolaevich", "mykolaiovych", "mikolayovich"]);
        same(&["yakovlevich", "yakovych"]);
        same(&["vladimirovna", "volodymyrivna"]);
        assert_ne!(name_group("vladimirovich"), name_group("vladimirovna"));
        assert_eq!(name_group("ivanov"), None);
    }

    #[test]
    fn korean() {
        assert_eq!(group("gim", true, true), group("kim", false, true));
        assert_eq!(group("jeong", true, true), group("jong", false, true));
        assert_eq!(group("eun", true, true), group("un", false, true));
        assert_eq!(group("yeong", true, true), group("young", false, true));
        assert_eq!(group("cheol", true, true), group("chol", false, true));
        assert_eq!(group("i", true, true), group("lee", false, true));
        assert_eq!(group("i", false, true), None);
        assert_eq!(group("bak", true, true), group("park", false, true));
        assert_eq!(group("ra", false, false), None);
        assert!(is_korean_surname("kim") && !is_korean_surname("putin"));
    }
}
