//! Chinese family names in their Latin spellings: Hanyu Pinyin (mainland),
//! Wade-Giles (Taiwan and older texts), Cantonese (Hong Kong, Macau) and
//! Hokkien, Teochew and Hakka spellings (Singapore, Malaysia, Indonesia,
//! the Philippines). One character is spelled many ways (陳 is Chen, Chan,
//! Tan, Chin), and one spelling may stand for several characters (Wong is
//! 黃 Huang and 王 Wang), so a spelling maps to a set of family names, one
//! bit each, and two spellings are one name when their sets meet.
//!
//! The table is a fact of naming written for this crate, after the usual
//! romanisation tables of the hundred most common surnames. Spellings that
//! are common English words or names (`Young`, `Long`, `Law`, `Man`, `See`,
//! `Low`) and Korean `Kim` are left out: they would tie unrelated Western
//! names to a Chinese one.

use crate::lexicon::{Sketch, WordMap, lines};
use std::sync::LazyLock;

/// `pinyin: other spellings`, one family name (one character) per line.
const TABLE: &str = "
li: lee ly               # 李
wang: wong ong heng vong # 王
zhang: chang cheung teo teoh chong cheong # 張
liu: lau lew             # 劉
chen: chan tan chin      # 陳
yang: yeung yeo ieong    # 楊
huang: hwang wong ng ooi wee oei # 黃
zhao: chao chiu chew     # 趙
wu: woo ng goh ngo       # 吳
zhou: chou chow chau chew # 周
xu: hsu tsui chui        # 徐
xu: hsu hui koh khor     # 許
sun: suen soon           # 孫
ma: mah                  # 馬
zhu: chu chue choo       # 朱
hu: woo foo              # 胡
guo: kuo kwok kok quek kwek # 郭
he: ho hoh hor           # 何
gao: kao ko kou          # 高
lin: lam lim lum         # 林
luo: lo loh lor          # 羅
zheng: cheng cheang tay teh # 鄭
liang: leung leong neo   # 梁
xie: hsieh tse chia seah # 謝
song: sung soong         # 宋
tang: tong               # 唐
han: hon                 # 韓
feng: fung fong          # 馮
deng: teng tang          # 鄧
cao: tsao tso cho        # 曹
peng: pang phang         # 彭
zeng: tseng tsang        # 曾
xiao: hsiao siu          # 蕭
tian: tien tin           # 田
dong: tung               # 董
pan: poon phua           # 潘
yuan: yuen               # 袁
cai: tsai choi chua      # 蔡
jiang: chiang            # 蔣
jiang: kong kang         # 江
yu: yue yee              # 余
du: tu to                # 杜
ye: yeh yip yap          # 葉
cheng: ching             # 程
wei: ngai                # 魏
su: soo so               # 蘇
lu: lo lou loo           # 盧
lu: lui lue              # 呂
ding: ting               # 丁
ren: yam jen             # 任
shen: shum sim           # 沈
yao: yiu                 # 姚
jin: chin kam            # 金
qian: chien chin         # 錢
qin: chin chun           # 秦
shi: shih sze            # 石
fu: foo poh              # 傅
fang: fong               # 方
xia: hsia ha             # 夏
zhong: chung chong       # 鍾
tan: tam                 # 譚
kong: hung               # 孔
mao: mo                  # 毛
qiu: chiu yau khoo       # 邱
dai: tai                 # 戴
jia: chia                # 賈
gu: koo ku               # 顧
mo: mok                  # 莫
duan: tuan tuen          # 段
hou: hau                 # 侯
lei: lui                 # 雷
bai: pai pak             # 白
xiong: hsiung hung       # 熊
yin: yan                 # 尹
mei: mui                 # 梅
ou: au                   # 歐
zou: tsou chau           # 鄒
cui: tsui chui           # 崔
xue: hsueh               # 薛
huo: fok                 # 霍
meng: mang               # 孟
zhuang: chuang chong     # 莊
yan: yen ngan            # 顏
";

struct Table {
    sketch: Sketch,
    map: WordMap<u128>,
}

static SURNAMES: LazyLock<Table> = LazyLock::new(|| {
    let mut map: WordMap<u128> = WordMap::default();
    for (bit, line) in lines(TABLE).enumerate() {
        assert!(bit < 128, "the table has at most 128 family names");
        let (canon, rest) = line.split_once(':').unwrap_or((line, ""));
        for w in std::iter::once(canon.trim()).chain(rest.split_whitespace()) {
            *map.entry(w).or_default() |= 1 << bit;
        }
    }
    Table { sketch: Sketch::of(map.keys().copied()), map }
});

/// The Chinese family names `word` may spell, one bit each; 0 for a word
/// that spells none. Two spellings of one family name share a bit.
///
/// ```
/// use vetter_names::chinese_surnames;
/// assert_ne!(chinese_surnames("li") & chinese_surnames("lee"), 0);
/// assert_ne!(chinese_surnames("chen") & chinese_surnames("tan"), 0);
/// assert_eq!(chinese_surnames("li") & chinese_surnames("lin"), 0);
/// assert_eq!(chinese_surnames("smith"), 0);
/// ```
pub fn chinese_surnames(word: &str) -> u128 {
    let t = &*SURNAMES;
    if word.len() > 6 || !t.sketch.may_contain(word) {
        return 0;
    }
    t.map.get(word).copied().unwrap_or(0)
}

/// The number of family names and of spellings in the table.
pub(crate) fn table_size() -> (usize, usize) {
    (lines(TABLE).count(), SURNAMES.map.len())
}

#[cfg(test)]
mod tests {
    use super::chinese_surnames;

    #[test]
    fn spellings_of_one_family_name_meet() {
        for (a, b) in [("wang", "wong"), ("huang", "wong"), ("zhang", "cheung"), ("zhou", "chow"), ("lin", "lim")] {
            assert_ne!(chinese_surnames(a) & chinese_surnames(b), 0, "{a}/{b}");
        }
        // Wong is both Wang and Huang, which stay apart.
        assert_eq!(chinese_surnames("wang") & chinese_surnames("huang"), 0);
        for w in ["young", "long", "law", "man", "see", "low", "kim"] {
            assert_eq!(chinese_surnames(w), 0, "{w} is left out");
        }
    }

    #[test]
    fn every_pinyin_entry_is_pinyin() {
        for line in crate::lexicon::lines(super::TABLE) {
            let canon = line.split(':').next().unwrap().trim();
            assert!(crate::is_pinyin_syllable(canon), "{canon}");
        }
    }
}
