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

/// The syllables as a letter trie, so that one walk from a position finds
/// every syllable starting there (the split tries each position of every
/// word the matcher prepares).
struct Trie {
    /// Child of each node per letter `a`..`z` (0: none; node 0 is the root).
    next: Vec<[u16; 26]>,
    /// Whether the path to each node spells a syllable.
    end: Vec<bool>,
}

static TRIE: LazyLock<Trie> = LazyLock::new(|| {
    let mut trie = Trie { next: vec![[0; 26]], end: vec![false] };
    for syllable in SYLLABLES.split_whitespace() {
        let mut node = 0usize;
        for c in syllable.bytes() {
            let k = usize::from(c - b'a');
            if trie.next[node][k] == 0 {
                trie.next[node][k] = trie.next.len() as u16;
                trie.next.push([0; 26]);
                trie.end.push(false);
            }
            node = usize::from(trie.next[node][k]);
        }
        trie.end[node] = true;
    }
    trie
});

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
    let best = best_split(token)?;
    let mut out = Vec::with_capacity(token.len() / 2);
    let mut i = 0;
    while i < token.len() {
        let len = best[i].1 as usize;
        out.push(&token[i..i + len]);
        i += len;
    }
    Some(out)
}

/// The number of syllables [`pinyin_syllables`] splits a word into, without
/// writing them out (the matcher asks this of every word it prepares).
pub fn pinyin_syllable_count(token: &str) -> Option<usize> {
    let best = best_split(token)?;
    let (mut i, mut count) = (0, 0);
    while i < token.len() {
        i += best[i].1 as usize;
        count += 1;
    }
    Some(count)
}

/// The split of [`pinyin_syllables`]: `best[i]` is the cost of the cheapest
/// split of `token[i..]` and the length of its first syllable.
fn best_split(token: &str) -> Option<[(u16, u8); 65]> {
    let b = token.as_bytes();
    let n = b.len();
    if n == 0 || n > 64 || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    // A syllable costs 2, plus 1 if it starts with a vowel after another
    // syllable (Pinyin writes `zheng'en` with an apostrophe, so `zhengen`
    // reads `zhen gen`).
    let trie = &*TRIE;
    let mut best = [(u16::MAX, 0u8); 65];
    best[n] = (0, 0);
    // The leftmost position from which the rest splits: no syllable is longer
    // than six letters, so once it is more than six ahead nothing before splits.
    let mut reachable = n;
    for i in (0..n).rev() {
        if reachable > i + 6 {
            return None;
        }
        let mut node = 0usize;
        for len in 1..=6.min(n - i) {
            node = usize::from(trie.next[node][usize::from(b[i + len - 1] - b'a')]);
            if node == 0 {
                break;
            }
            let rest = best[i + len].0;
            if rest == u16::MAX || !trie.end[node] {
                continue;
            }
            let vowel_start = i > 0 && matches!(b[i], b'a' | b'e' | b'o');
            let cost = rest + 2 + u16::from(vowel_start);
            if cost < best[i].0 {
                best[i] = (cost, len as u8);
            }
        }
        if best[i].0 != u16::MAX {
            reachable = i;
        }
    }
    (best[0].0 != u16::MAX).then_some(best)
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
        assert_eq!(pinyin_syllable_count("zhongnanhai"), Some(3));
        assert_eq!(pinyin_syllable_count("mohammed"), None);
    }

    /// The split with a plain set lookup per substring, as the trie must give it.
    fn reference(token: &str) -> Option<usize> {
        let b = token.as_bytes();
        let n = b.len();
        if n == 0 || !b.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut best = vec![(u16::MAX, 0usize); n + 1];
        best[n] = (0, 0);
        for i in (0..n).rev() {
            for len in 1..=6.min(n - i) {
                let rest = best[i + len];
                if rest.0 == u16::MAX || !SET.contains_key(&token[i..i + len]) {
                    continue;
                }
                let cost = rest.0 + 2 + u16::from(i > 0 && matches!(b[i], b'a' | b'e' | b'o'));
                if cost < best[i].0 {
                    best[i] = (cost, rest.1 + 1);
                }
            }
        }
        (best[0].0 != u16::MAX).then_some(best[0].1)
    }

    #[test]
    fn trie_agrees_with_the_set() {
        let syllables: Vec<&str> = SYLLABLES.split_whitespace().collect();
        for a in &syllables {
            for b in &syllables {
                let word = format!("{a}{b}");
                assert_eq!(pinyin_syllable_count(&word), reference(&word), "{word}");
                let word = format!("{a}{b}x");
                assert_eq!(pinyin_syllable_count(&word), reference(&word), "{word}");
            }
        }
        for word in ["mohammed", "vladimir", "putin", "jinping", "ivanova", "zhengen", "aaaaaaaaaaaaaa"] {
            assert_eq!(pinyin_syllable_count(word), reference(word), "{word}");
        }
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
