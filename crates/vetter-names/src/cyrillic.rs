//! Cyrillic to Latin: Russian (BGN/PCGN, ICAO Doc 9303, ISO 9, scholarly),
//! Ukrainian (national KMU 2010, BGN/PCGN, ISO 9, scholarly), Belarusian,
//! Serbian/Macedonian, and the extra letters of Turkic and Tajik Cyrillic.
//!
//! All outputs are folded (ASCII, lower case): ISO 9's `ž`, `č`, `š`, `ŝ` become
//! `z`, `c`, `s`, `s`. Tables are `match`es: about twenty letters a name, no lookups.

use crate::script::CyrLang;

/// A romanisation system for Cyrillic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CyrSystem {
    /// The default of the language: BGN/PCGN for Russian and Belarusian, the
    /// national system (KMU 2010) for Ukrainian, Serbian Latin for Serbian.
    Primary,
    /// BGN/PCGN (`Yevgeniy`, `Valeryevich`, `Khrushchev`; Ukrainian `Serhiy`).
    Bgn,
    /// ICAO Doc 9303, used in passports (`Evgenii`, `Valerevich`, `Iuliia`).
    Icao,
    /// ISO 9 folded to ASCII (`Evgenij`, `Hrusev`).
    Iso9,
    /// The scholarly system, ASCII (`Evgenij`, `Xruscev`, `Julija`).
    Scholarly,
}

/// Lower-cases a Cyrillic letter (fast path for the basic alphabet).
#[inline]
pub(crate) fn lower(c: char) -> char {
    match c as u32 {
        0x410..=0x42F => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        0x400..=0x40F => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        0x430..=0x45F => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Whether `c` is a Cyrillic letter (not a sign such as the titlo or the thousands sign).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => c.is_alphabetic(),
        _ => false,
    }
}

/// Whether a lower-case Cyrillic letter is a vowel (or a sign that lets a
/// following vowel start a syllable: ъ, ь).
#[inline]
fn opens_syllable(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'і'
            | 'ї'
            | 'є'
            | 'ъ'
            | 'ь'
            | 'й'
            | '\''
            | 'ә'
            | 'ө'
            | 'ұ'
            | 'ү'
    )
}

/// Context of one letter: the lower-case letters around it in the same word
/// (`'\0'` at a word boundary; `'\''` for an apostrophe inside the word).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Around {
    pub prev: char,
    pub next: char,
}

/// Appends the romanisation of one lower-case Cyrillic letter.
pub(crate) fn push(out: &mut String, lang: CyrLang, sys: CyrSystem, c: char, at: Around) {
    let s = match lang {
        CyrLang::Ukrainian => ukrainian(sys, c, at),
        CyrLang::Belarusian => belarusian(sys, c, at),
        CyrLang::SouthSlavic => south_slavic(sys, c, at),
        CyrLang::Bulgarian => bulgarian(sys, c, at),
        CyrLang::Russian => None,
    };
    let s = s.unwrap_or_else(|| russian(sys, c, at));
    // Most letters give one: a push, not a copy of unknown length.
    if let [b] = s.as_bytes() {
        out.push(char::from(*b));
    } else {
        out.push_str(s);
    }
}

fn russian(sys: CyrSystem, c: char, at: Around) -> &'static str {
    use CyrSystem::*;
    let start = at.prev == '\0';
    let ye = start || opens_syllable(at.prev);
    let end = at.next == '\0';
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' => match sys {
            Primary | Bgn if ye => "ye",
            _ => "e",
        },
        'ж' => match sys {
            Iso9 | Scholarly => "z",
            _ => "zh",
        },
        'з' => "z",
        'и' => "i",
        'й' => match sys {
            // Final -ый is -y (`Belyy` reads `Bely`), final -ий is -iy.
            Primary if at.prev == 'ы' && end => "",
            Primary | Bgn => "y",
            Icao => "i",
            Iso9 | Scholarly => "j",
        },
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => match sys {
            Iso9 => "h",
            Scholarly => "x",
            _ => "kh",
        },
        'ц' => match sys {
            Iso9 | Scholarly => "c",
            _ => "ts",
        },
        'ч' => match sys {
            Iso9 | Scholarly => "c",
            _ => "ch",
        },
        'ш' => match sys {
            Iso9 | Scholarly => "s",
            _ => "sh",
        },
        'щ' => match sys {
            Iso9 => "s",
            Scholarly => "sc",
            _ => "shch",
        },
        'ъ' => match sys {
            Icao => "ie",
            _ => "",
        },
        'ы' => "y",
        // Before и and о the soft sign is heard as y (`Ilyich`, `Ilyin`).
        'ь' => match sys {
            Primary if matches!(at.next, 'и' | 'о') => "y",
            _ => "",
        },
        'э' => "e",
        'ю' => match sys {
            Icao => "iu",
            Iso9 => "u",
            Scholarly => "ju",
            _ => "yu",
        },
        'я' => match sys {
            Icao => "ia",
            Iso9 => "a",
            Scholarly => "ja",
            _ => "ya",
        },
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        'ў' => "w",
        _ => other(c),
    }
}

fn ukrainian(sys: CyrSystem, c: char, at: Around) -> Option<&'static str> {
    use CyrSystem::*;
    let start = at.prev == '\0';
    Some(match (sys, c) {
        (Iso9, 'г') => "g",
        (_, 'г') if at.prev == 'з' && matches!(sys, Primary) => "gh",
        (_, 'г') => "h",
        (_, 'ґ') => "g",
        (_, 'е') => "e",
        (Primary, 'є') if !start => "ie",
        (Primary | Bgn | Icao, 'є') => "ye",
        (Iso9, 'є') => "e",
        (Scholarly, 'є') => "je",
        (Iso9, 'и') => "i",
        (_, 'и') => "y",
        (_, 'і') => "i",
        (Primary, 'ї') if !start => "i",
        (Primary | Bgn | Icao, 'ї') => "yi",
        (Iso9, 'ї') => "i",
        (Scholarly, 'ї') => "ji",
        (Primary, 'й') if !start => "i",
        (Primary | Bgn, 'й') => "y",
        (Icao, 'й') => "i",
        (Iso9 | Scholarly, 'й') => "j",
        (Primary, 'ю') if !start => "iu",
        (Primary, 'я') if !start => "ia",
        (_, 'ь') => "",
        _ => return None,
    })
}

fn belarusian(sys: CyrSystem, c: char, at: Around) -> Option<&'static str> {
    use CyrSystem::*;
    let ye = at.prev == '\0' || opens_syllable(at.prev);
    Some(match (sys, c) {
        (Iso9, 'г') => "g",
        (_, 'г') => "h",
        (Primary | Bgn, 'ў') => "w",
        (_, 'ў') => "u",
        (Primary | Bgn, 'ё') if ye => "yo",
        (Primary | Bgn, 'ё') => "io",
        (Icao | Iso9 | Scholarly, 'ё') => "e",
        (_, 'і') => "i",
        (_, 'ь') => "",
        _ => return None,
    })
}

fn bulgarian(sys: CyrSystem, c: char, at: Around) -> Option<&'static str> {
    use CyrSystem::*;
    Some(match (sys, c) {
        // The Bulgarian BGN/PCGN and national (2009) systems agree here.
        (Primary | Bgn | Icao, 'ъ') => "a",
        (Iso9 | Scholarly, 'ъ') => "",
        (Primary | Bgn | Icao, 'щ') => "sht",
        (Primary | Bgn | Icao, 'х') => "h",
        (Primary | Bgn, 'е') => "e",
        (Primary | Bgn, 'ь') if at.next == 'о' => "y",
        _ => return None,
    })
}

fn south_slavic(sys: CyrSystem, c: char, _at: Around) -> Option<&'static str> {
    if sys == CyrSystem::Icao {
        // ICAO uses the Russian table for these letters; only the extra letters differ.
        return match c {
            'ђ' => Some("dj"),
            'ј' => Some("j"),
            'љ' => Some("lj"),
            'њ' => Some("nj"),
            'ћ' => Some("c"),
            'џ' => Some("dz"),
            'ѓ' => Some("gj"),
            'ќ' => Some("kj"),
            'ѕ' => Some("dz"),
            _ => None,
        };
    }
    // Serbian and Macedonian Latin, folded.
    Some(match c {
        'ж' => "z",
        'х' => "h",
        'ц' | 'ч' | 'ћ' => "c",
        'ш' => "s",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'џ' | 'ѕ' => "dz",
        'ѓ' => "gj",
        'ќ' => "kj",
        'й' => "j",
        'ю' => "ju",
        'я' => "ja",
        _ => return None,
    })
}

/// Letters outside the Slavic alphabets (Kazakh, Kyrgyz, Tatar, Bashkir,
/// Tajik, Uzbek, Azerbaijani, Chechen) and archaic letters.
fn other(c: char) -> &'static str {
    match c {
        'ә' | 'ӑ' | 'ӓ' => "a",
        'ғ' | 'ҕ' => "gh",
        'қ' | 'ҡ' | 'ҟ' => "q",
        'ң' | 'ӈ' => "ng",
        'ө' | 'ӧ' | 'ѳ' => "o",
        'ұ' | 'ү' | 'ӯ' | 'ӱ' => "u",
        'һ' | 'ҳ' => "h",
        'ҷ' | 'ҹ' => "j",
        'ӣ' | 'ӥ' | 'ѣ' => "i",
        'ҝ' => "g",
        'ҙ' => "z",
        'ҫ' => "s",
        'ӗ' => "e",
        'ӝ' => "zh",
        'ӟ' => "dz",
        'ӵ' => "ch",
        'ӹ' => "y",
        'ѵ' => "i",
        'ѐ' => "e",
        'ѝ' => "i",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        // Palochka, combining titlo and other marks: nothing.
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    //! 1. Russian names romanise as in the lists under BGN/PCGN, and under ICAO, ISO 9 and scholarly.
    //! 2. Ukrainian names romanise under the national system (word-initial ye/yi/y/yu/ya).
    //! 3. Final -ий / -ый, soft signs before vowels and the Ukrainian зг follow the rules.
    use super::*;

    fn romanise(word: &str, lang: CyrLang, sys: CyrSystem) -> String {
        let chars: Vec<char> = word.chars().map(lower).collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let get = |j: Option<usize>| j.and_then(|j| chars.get(j)).copied().unwrap_or('\0');
            let at = Around { prev: get(i.checked_sub(1)), next: get(Some(i + 1)) };
            push(&mut out, lang, sys, c, at);
        }
        out
    }

    fn check(word: &str, lang: CyrLang, sys: CyrSystem, expect: &str) {
        assert_eq!(romanise(word, lang, sys), expect, "{word} {lang:?} {sys:?}");
    }

    use CyrLang::*;
    use CyrSystem::*;

    #[test]
    fn russian_bgn() {
        check("Владимир", Russian, Primary, "vladimir");
        check("Владимирович", Russian, Primary, "vladimirovich");
        check("Евгений", Russian, Primary, "yevgeniy");
        check("Валерьевич", Russian, Primary, "valeryevich");
        check("Хрущёв", Russian, Primary, "khrushchev");
        check("Аксёнов", Russian, Primary, "aksenov");
        check("Юрий", Russian, Primary, "yuriy");
        check("Белый", Russian, Primary, "bely");
        check("Ильич", Russian, Primary, "ilyich");
        check("Цой", Russian, Primary, "tsoy");
        check("Подъячев", Russian, Primary, "podyachev");
        check("Наталья", Russian, Primary, "natalya");
    }

    #[test]
    fn russian_other_systems() {
        check("Евгений", Russian, Icao, "evgenii");
        check("Юлия", Russian, Icao, "iuliia");
        check("Подъячев", Russian, Icao, "podieiachev");
        check("Хрущёв", Russian, Iso9, "hrusev");
        check("Евгений", Russian, Iso9, "evgenij");
        check("Хрущёв", Russian, Scholarly, "xruscev");
        check("Юлия", Russian, Scholarly, "julija");
        check("Белый", Russian, Bgn, "belyy");
    }

    #[test]
    fn ukrainian_national() {
        check("Володимир", Ukrainian, Primary, "volodymyr");
        check("Олександр", Ukrainian, Primary, "oleksandr");
        check("Сергій", Ukrainian, Primary, "serhii");
        check("Юлія", Ukrainian, Primary, "yuliia");
        check("Їжакевич", Ukrainian, Primary, "yizhakevych");
        check("Згурський", Ukrainian, Primary, "zghurskyi");
        check("Єнакієве", Ukrainian, Primary, "yenakiieve");
        check("Зеленський", Ukrainian, Primary, "zelenskyi");
        check("Ґалаґан", Ukrainian, Primary, "galagan");
    }

    #[test]
    fn ukrainian_other_systems() {
        check("Сергій", Ukrainian, Bgn, "serhiy");
        check("Зеленський", Ukrainian, Bgn, "zelenskyy");
        check("Сергій", Ukrainian, Iso9, "sergij");
        check("Юлія", Ukrainian, Scholarly, "julija");
    }

    #[test]
    fn other_languages() {
        check("Лукашэнка", Belarusian, Primary, "lukashenka");
        check("Рыгоравіч", Belarusian, Primary, "ryhoravich");
        check("Вучић", SouthSlavic, Primary, "vucic");
        check("Ђорђе", SouthSlavic, Primary, "djordje");
        check("Търкиш", Bulgarian, Primary, "tarkish");
        check("Щерев", Bulgarian, Primary, "shterev");
        check("Назарбаев", Russian, Primary, "nazarbayev");
        check("Тоқаев", Russian, Primary, "toqayev");
        check("Ұлы", Russian, Primary, "uly");
    }
}
