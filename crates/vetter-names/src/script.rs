//! Scripts: the writing system of a character, the dominant script of a name,
//! and the language of a Cyrillic name (Russian and Ukrainian romanise differently).

use crate::form::Script;

/// The script of a letter-like character, by Unicode block.
#[inline]
pub(crate) fn char_script(c: char) -> Script {
    let cp = c as u32;
    if cp < 0x80 {
        return if c.is_ascii_alphabetic() { Script::Latin } else { Script::Other };
    }
    // The common cases first.
    if (0x400..=0x4FF).contains(&cp) {
        return Script::Cyrillic;
    }
    if (0xC0..=0x24F).contains(&cp) && cp != 0xD7 && cp != 0xF7 {
        return Script::Latin;
    }
    match cp {
        0x00C0..=0x024F if cp != 0xD7 && cp != 0xF7 => Script::Latin,
        0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
        0x0E00..=0x0E7F => Script::Thai,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xFFA0..=0xFFDC => Script::Hangul,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x2E80..=0x2FDF
        | 0x3005
        | 0x3007
        | 0x3021..=0x3029
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => Script::Han,
        _ => Script::Other,
    }
}

/// Latin letters that look like Cyrillic ones, and the Cyrillic letter they
/// stand for inside a Cyrillic word (`Сергiй` with a Latin `i`, an EU list quirk).
#[inline]
pub(crate) fn cyrillic_homoglyph(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        _ => return None,
    })
}

/// The language of a Cyrillic name, as far as its letters tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CyrLang {
    /// Russian, and any Cyrillic name without marks of another language (Bulgarian, too).
    Russian,
    /// Ukrainian: і, ї, є, ґ.
    Ukrainian,
    /// Belarusian: ў.
    Belarusian,
    /// Serbian and Macedonian: ђ, ј, љ, њ, ћ, џ, ѓ, ќ, ѕ.
    SouthSlavic,
    /// Bulgarian: ъ before a consonant (a vowel in Bulgarian, a sign in Russian).
    Bulgarian,
}

/// Letter counts per script, and Cyrillic language marks, of one name.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ScriptCounts {
    counts: [u32; 14],
    ukrainian: u32,
    russian: u32,
    belarusian: u32,
    south_slavic: u32,
    bulgarian: u32,
}

fn index(s: Script) -> usize {
    match s {
        Script::Latin => 0,
        Script::Cyrillic => 1,
        Script::Greek => 2,
        Script::Arabic => 3,
        Script::Hebrew => 4,
        Script::Armenian => 5,
        Script::Georgian => 6,
        Script::Devanagari => 7,
        Script::Han => 8,
        Script::Hangul => 9,
        Script::Kana => 10,
        Script::Thai => 11,
        Script::Mixed => 12,
        Script::Other => 13,
    }
}

const ORDER: [Script; 14] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Arabic,
    Script::Hebrew,
    Script::Armenian,
    Script::Georgian,
    Script::Devanagari,
    Script::Han,
    Script::Hangul,
    Script::Kana,
    Script::Thai,
    Script::Mixed,
    Script::Other,
];

impl ScriptCounts {
    /// Counts one letter (after homoglyph repair).
    #[inline]
    pub(crate) fn add(&mut self, script: Script, c: char) {
        self.counts[index(script)] += 1;
        if script == Script::Cyrillic {
            match c {
                'і' | 'І' | 'ї' | 'Ї' | 'є' | 'Є' | 'ґ' | 'Ґ' => self.ukrainian += 1,
                'ы' | 'Ы' | 'э' | 'Э' | 'ъ' | 'Ъ' | 'ё' | 'Ё' => self.russian += 1,
                'ў' | 'Ў' => self.belarusian += 1,
                'ђ' | 'Ђ' | 'ј' | 'Ј' | 'љ' | 'Љ' | 'њ' | 'Њ' | 'ћ' | 'Ћ' | 'џ' | 'Џ' | 'ѓ' | 'Ѓ' | 'ќ' | 'Ќ' | 'ѕ'
                | 'Ѕ' => self.south_slavic += 1,
                _ => {}
            }
        }
    }

    /// Counts `n` ASCII letters.
    #[inline]
    pub(crate) fn add_latin(&mut self, n: u32) {
        self.counts[0] += n;
    }

    /// Whether any letter of `script` was seen.
    pub(crate) fn has(&self, script: Script) -> bool {
        self.counts[index(script)] > 0
    }

    /// The scripts seen, in a fixed order.
    pub(crate) fn seen(&self) -> impl Iterator<Item = Script> + '_ {
        ORDER.iter().copied().filter(|s| self.has(*s))
    }

    /// The dominant script: the one with at least three quarters of the letters,
    /// [`Script::Mixed`] if none has, [`Script::Other`] without letters.
    pub(crate) fn dominant(&self) -> Script {
        let total: u32 = self.counts.iter().sum();
        if total == 0 {
            return Script::Other;
        }
        if self.counts[0] == total {
            return Script::Latin;
        }
        let (best, n) = self
            .counts
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
            .map(|(i, n)| (i, *n))
            .unwrap_or((13, 0));
        if u64::from(n) * 4 >= u64::from(total) * 3 { ORDER[best] } else { Script::Mixed }
    }

    /// The language of the Cyrillic letters.
    pub(crate) fn cyrillic_language(&self) -> CyrLang {
        if self.south_slavic > 0 {
            CyrLang::SouthSlavic
        } else if self.bulgarian > 0 && self.ukrainian == 0 && self.russian <= self.bulgarian {
            CyrLang::Bulgarian
        } else if self.belarusian > 0 {
            CyrLang::Belarusian
        } else if self.ukrainian > self.russian {
            CyrLang::Ukrainian
        } else {
            CyrLang::Russian
        }
    }
}

/// Counts the scripts of a name's letters, repairing Latin look-alikes inside Cyrillic words.
#[cfg(test)]
pub(crate) fn count(name: &str) -> ScriptCounts {
    if name.is_ascii() {
        let mut counts = ScriptCounts::default();
        counts.add_latin(name.bytes().filter(u8::is_ascii_alphabetic).count() as u32);
        return counts;
    }
    let chars: Vec<char> = name.chars().collect();
    count_chars(&chars)
}

/// [`count`] over the characters of a name.
pub(crate) fn count_chars(chars: &[char]) -> ScriptCounts {
    let mut counts = ScriptCounts::default();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            if c == '\''
                && i > 0
                && crate::cyrillic::is_letter(chars[i - 1])
                && chars.get(i + 1).is_some_and(|c| crate::cyrillic::is_letter(*c))
            {
                counts.ukrainian += 1;
            }
            if c.is_ascii_alphabetic() {
                if cyrillic_homoglyph(c).is_some() && cyrillic_neighbour(chars, i) {
                    counts.add(Script::Cyrillic, cyrillic_homoglyph(c).unwrap_or(c));
                } else {
                    counts.add_latin(1);
                }
            }
            continue;
        }
        // Fast path: the basic Cyrillic letters that mark no language.
        if matches!(c, 'а'..='и' | 'к'..='щ' | 'А'..='И' | 'К'..='Щ') {
            counts.counts[1] += 1;
            continue;
        }
        let s = char_script(c);
        if s != Script::Other || c.is_alphabetic() {
            counts.add(s, c);
        }
        if s != Script::Cyrillic && !matches!(c, '\u{2019}' | '\u{02bc}') {
            continue;
        }
        // Ukrainian spells -ський, -цький, -зький, patronymics in -йович, and
        // uses apostrophes (`Мар'яна`); Russian writes -ский, -евич and ъ.
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let cyr = |c: Option<char>| c.is_some_and(crate::cyrillic::is_letter);
        let ukrainian_patronymic = matches!(c, 'й' | 'Й')
            && chars.len() >= i + 5
            && matches!(
                &chars[i + 1..i + 5],
                ['о' | 'О', 'в' | 'В', 'и' | 'И', 'ч' | 'Ч'] | ['о' | 'О', 'в' | 'В', 'н' | 'Н', 'а' | 'А']
            );
        // ъ before a consonant is the Bulgarian vowel (`Търкиш`); Russian writes it before е, ё, ю, я.
        if matches!(c, 'ъ' | 'Ъ')
            && after.is_some_and(|a| {
                crate::cyrillic::is_letter(a) && !matches!(a, 'е' | 'ё' | 'ю' | 'я' | 'Е' | 'Ё' | 'Ю' | 'Я')
            })
        {
            counts.bulgarian += 1;
        }
        if ukrainian_patronymic
            || (matches!(c, 'ь' | 'Ь')
                && matches!(before, Some('с' | 'С' | 'ц' | 'Ц' | 'з' | 'З'))
                && matches!(after, Some('к' | 'К')))
            || (matches!(c, '\u{2019}' | '\u{02bc}') && cyr(before) && cyr(after))
        {
            counts.ukrainian += 1;
        }
    }
    counts
}

/// Whether the letter before or after `chars[i]` is Cyrillic.
pub(crate) fn cyrillic_neighbour(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
    let after = chars.get(i + 1).copied();
    [before, after].into_iter().flatten().any(crate::cyrillic::is_letter)
}

#[cfg(test)]
mod tests {
    //! 1. Each script of the lists is recognised (real names).
    //! 2. A name with a minority script is still dominated by the main one; a balanced one is mixed.
    //! 3. Ukrainian letters, including a Latin `i` inside a Cyrillic word, make a Ukrainian name.
    use super::*;

    fn check(name: &str, expect: Script) {
        assert_eq!(count(name).dominant(), expect, "{name}");
    }

    #[test]
    fn scripts() {
        check("PUTIN, Vladimir Vladimirovich", Script::Latin);
        check("Bălți José Müller", Script::Latin);
        check("ИВАХА Денис Владимирович", Script::Cyrillic);
        check("Αλέξης Τσίπρας", Script::Greek);
        check("صدام حسين التكريتي", Script::Arabic);
        check("فرزین کریمی", Script::Arabic);
        check("בן ציון גופשטיין", Script::Hebrew);
        check("ՍՊԸ ՏԱԿՈ", Script::Armenian);
        check("习近平", Script::Han);
        check("김정은", Script::Hangul);
        check("ザラ・アエロ", Script::Kana);
        check("บริษัท ไทย ไอที ฮาร์ดแวร์ จำกัด", Script::Thai);
        check("ნინო", Script::Georgian);
        check("नरेन्द्र मोदी", Script::Devanagari);
        check("KARIMI Farzin فرزین کریمی مزلقان چای", Script::Mixed);
        check("12345 ,.", Script::Other);
        check("", Script::Other);
    }

    #[test]
    fn cyrillic_language() {
        let lang = |s: &str| count(s).cyrillic_language();
        assert_eq!(lang("Сергій Валерійович"), CyrLang::Ukrainian);
        assert_eq!(lang("Сергiй Валерiйович АКСЬОНОВ"), CyrLang::Ukrainian);
        assert_eq!(lang("Сергей Валерьевич АКСЁНОВ"), CyrLang::Russian);
        assert_eq!(lang("ИВАХА Денис"), CyrLang::Russian);
        assert_eq!(lang("Зеленський Володимир"), CyrLang::Ukrainian);
        assert_eq!(lang("Мар’яна"), CyrLang::Ukrainian);
        assert_eq!(lang("Троцкий Лев"), CyrLang::Russian);
        assert_eq!(lang("КОНОНЕНКО Вадим Миколайович"), CyrLang::Ukrainian);
        assert_eq!(lang("Аляксандр Лукашэнка Рыгоравіч ў"), CyrLang::Belarusian);
        assert_eq!(lang("Александар Вучић"), CyrLang::SouthSlavic);
        assert_eq!(lang("Ди Ийстърн Търкиш Исламик Мувмънт"), CyrLang::Bulgarian);
        assert_eq!(lang("Подъячев"), CyrLang::Russian);
    }

    #[test]
    fn homoglyph_only_between_cyrillic() {
        assert!(count("Сергiй").has(Script::Cyrillic));
        assert!(!count("Сергiй").has(Script::Latin));
        assert!(count("Sergii Сергей").has(Script::Latin));
    }
}
