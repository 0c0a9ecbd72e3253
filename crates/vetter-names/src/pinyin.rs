//! Hanyu Pinyin syllables: splitting a Latin word such as `jinping` into the
//! syllables `jin ping` that the transliteration of 习近平 gives, so that the
//! matcher can align the two spellings.

use crate::lexicon::WordMap;
use std::sync::LazyLock;

/// Every toneless Pinyin syllable, with ü written `u` (`lu`, `nue`) and `v` (`lv`, `nve`).
const SYLLABLES: &str = "
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve nue
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve lue
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
";

static SET: LazyLock<WordMap<()>> = LazyLock::new(|| SYLLABLES.split_whitespace().map(|s| (s, ())).collect());

/// The number of Pinyin syllables known.
pub(crate) fn syllable_count() -> usize {
    SET.len()
}

/// Whether `s` is one toneless Pinyin syllable.
pub fn is_pinyin_syllable(s: &str) -> bool {
    SET.contains_key(s)
}

/// Splits a folded Latin word into Pinyin syllables, if it is a sequence of
/// them: `jinping` → `["jin", "ping"]`, `xi` → `["xi"]`, `putin` → `None`.
///
/// Of several splits the one with the fewest syllables wins (`xian` stays one
/// syllable, not `xi an`), and a syllable starting with a vowel does not follow
/// another unless it must (`zhengen` is `zhen gen`, as Pinyin would write
/// `zheng'en` otherwise); a word can carry apostrophes or hyphens between
/// syllables only after [`fold`](crate::fold) has removed them.
///
/// ```
/// assert_eq!(vetter_names::pinyin_syllables("jinping"), Some(vec!["jin", "ping"]));
/// assert_eq!(vetter_names::pinyin_syllables("putin"), None);
/// ```
pub fn pinyin_syllables(token: &str) -> Option<Vec<&str>> {
    let b = token.as_bytes();
    let n = b.len();
    if n == 0 || n > 64 || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // best[i]: the cheapest split of token[i..] and its first syllable's length.
    // A syllable costs 2, plus 1 if it starts with a vowel after another
    // syllable (Pinyin writes `zheng'en` with an apostrophe, so `zhengen`
    // reads `zhen gen`).
    let mut best = [(u16::MAX, 0u8); 65];
    best[n] = (0, 0);
    for i in (0..n).rev() {
        for len in 1..=6.min(n - i) {
            let rest = best[i + len].0;
            if rest == u16::MAX || !SET.contains_key(&token[i..i + len]) {
                continue;
            }
            let vowel_start = i > 0 && matches!(b[i], b'a' | b'e' | b'o');
            let cost = rest + 2 + u16::from(vowel_start);
            if cost < best[i].0 {
                best[i] = (cost, len as u8);
            }
        }
    }
    if best[0].0 == u16::MAX {
        return None;
    }
    let mut out = Vec::with_capacity(n / 2);
    let mut i = 0;
    while i < n {
        let len = best[i].1 as usize;
        out.push(&token[i..i + len]);
        i += len;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    //! 1. Chinese given names written as one word split into their syllables.
    //! 2. Words that are not Pinyin, and empty or non-ASCII words, give `None`.
    //! 3. The inventory has the ~410 syllables of standard Pinyin.
    use super::*;

    fn check(token: &str, expect: Option<&[&str]>) {
        assert_eq!(pinyin_syllables(token).as_deref(), expect, "{token}");
    }

    #[test]
    fn splits() {
        check("jinping", Some(&["jin", "ping"]));
        check("xi", Some(&["xi"]));
        check("xian", Some(&["xian"]));
        check("zhengen", Some(&["zhen", "gen"]));
        check("enlai", Some(&["en", "lai"]));
        check("zhongnanhai", Some(&["zhong", "nan", "hai"]));
        check("keqiang", Some(&["ke", "qiang"]));
        check("zhuangzhuang", Some(&["zhuang", "zhuang"]));
    }

    #[test]
    fn rejects() {
        check("putin", None);
        check("vladimir", None);
        check("", None);
        check("Jinping", None);
        check("jin ping", None);
        check("é", None);
    }

    #[test]
    fn inventory() {
        assert!((400..=420).contains(&syllable_count()), "{}", syllable_count());
        assert!(is_pinyin_syllable("zhuang"));
        assert!(!is_pinyin_syllable("zhuangg"));
    }
}
