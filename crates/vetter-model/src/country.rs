//! Country names and codes: the lists print `Russia`, `Russian Federation`,
//! `RU` and `Iran (Islamic Republic of)`; vetter stores lower-case ISO 3166-1 alpha-2 codes.
//!
//! The table holds the 249 countries of ISO 3166-1 (alpha-2 and alpha-3 codes
//! as assigned by the standard) plus the territory codes FollowTheMoney and
//! OpenSanctions use where ISO has none: `xk` Kosovo, `suhh` Soviet Union,
//! `csxx` Serbia and Montenegro, `ddde` East Germany, `yucs` Yugoslavia, and
//! the occupied or breakaway regions `ua-cri` Crimea, `ua-dpr` Donetsk
//! People's Republic, `ua-lpr` Luhansk People's Republic, `ge-ab` Abkhazia,
//! `ge-os` South Ossetia and `md-pmr` Transnistria.
//!
//! Every country carries its English short name and the variants the lists
//! print: formal and UN names (`Syrian Arab Republic`), inverted names
//! (`Korea, North`), demonyms used in nationality fields (`Iranian`), former
//! names (`Burma`, `Swaziland`) and a few names in other languages (`Россия`).
//!
//! Matching folds case, diacritics and punctuation: `Côte d'Ivoire`,
//! `COTE D IVOIRE` and `cote d'ivoire` are one key. [`country_code`] reads a
//! whole country value; [`countries_in_text`] finds every country named in a
//! longer string such as a place of birth.
//!
//! ```
//! use vetter_model::country::{countries_in_text, country_code, country_name};
//! assert_eq!(country_code("Iran (Islamic Republic of)"), Some("ir"));
//! assert_eq!(country_code("RUS"), Some("ru"));
//! assert_eq!(country_code("North Korean"), Some("kp"));
//! assert_eq!(country_name("sy"), Some("Syria"));
//! assert_eq!(countries_in_text("Leningrad (now Saint-Petersburg), ex-USSR (now Russian Federation)"), ["suhh", "ru"]);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

/// One country: lower-case code, ISO alpha-3 code (empty where ISO has none),
/// English short name, and the other names and demonyms it goes by.
type Row = (&'static str, &'static str, &'static str, &'static [&'static str]);

/// Every known country, sorted by code.
///
/// Codes and short names follow ISO 3166-1; where the ISO short name is
/// unwieldy (`Iran (Islamic Republic of)`) the common English form is the name
/// and the ISO form an alias.
static COUNTRIES: &[Row] = &[
    ("ad", "AND", "Andorra", &["Andorran", "Principality of Andorra"]),
    ("ae", "ARE", "United Arab Emirates", &["UAE", "U.A.E.", "Emirates", "Emirati", "Emirian"]),
    (
        "af",
        "AFG",
        "Afghanistan",
        &[
            "Afghan",
            "Afghani",
            "Afgan",
            "Islamic Republic of Afghanistan",
            "Islamic Emirate of Afghanistan",
            "Afganistan",
        ],
    ),
    ("ag", "ATG", "Antigua and Barbuda", &["Antiguan", "Barbudan"]),
    ("ai", "AIA", "Anguilla", &["Anguillan"]),
    ("al", "ALB", "Albania", &["Albanian", "Republic of Albania", "Shqipëria"]),
    ("am", "ARM", "Armenia", &["Armenian", "Republic of Armenia"]),
    ("ao", "AGO", "Angola", &["Angolan", "Republic of Angola"]),
    ("aq", "ATA", "Antarctica", &[]),
    ("ar", "ARG", "Argentina", &["Argentine", "Argentinian", "Argentinean", "Argentine Republic"]),
    ("as", "ASM", "American Samoa", &["American Samoan"]),
    ("at", "AUT", "Austria", &["Austrian", "Republic of Austria", "Österreich"]),
    ("au", "AUS", "Australia", &["Australian", "Commonwealth of Australia"]),
    ("aw", "ABW", "Aruba", &["Aruban"]),
    ("ax", "ALA", "Åland Islands", &["Åland"]),
    ("az", "AZE", "Azerbaijan", &["Azerbaijani", "Azeri", "Republic of Azerbaijan", "Azerbaidjan"]),
    (
        "ba",
        "BIH",
        "Bosnia and Herzegovina",
        &[
            "Bosnia-Herzegovina",
            "Bosnia Herzegovina",
            "Bosnia",
            "Bosnian",
            "BiH",
            "Republika Srpska",
            "Federation of Bosnia and Herzegovina",
        ],
    ),
    ("bb", "BRB", "Barbados", &["Barbadian", "Bajan"]),
    ("bd", "BGD", "Bangladesh", &["Bangladeshi", "People's Republic of Bangladesh"]),
    ("be", "BEL", "Belgium", &["Belgian", "Kingdom of Belgium", "Belgique", "België"]),
    ("bf", "BFA", "Burkina Faso", &["Burkinabe", "Burkina", "Upper Volta"]),
    ("bg", "BGR", "Bulgaria", &["Bulgarian", "Republic of Bulgaria"]),
    ("bh", "BHR", "Bahrain", &["Bahraini", "Kingdom of Bahrain"]),
    ("bi", "BDI", "Burundi", &["Burundian", "Republic of Burundi"]),
    ("bj", "BEN", "Benin", &["Beninese", "Beninois", "Republic of Benin", "Dahomey"]),
    ("bl", "BLM", "Saint Barthélemy", &["Saint Barts", "Saint Barths"]),
    ("bm", "BMU", "Bermuda", &["Bermudian", "Bermudan"]),
    ("bn", "BRN", "Brunei", &["Brunei Darussalam", "Bruneian"]),
    (
        "bo",
        "BOL",
        "Bolivia",
        &[
            "Bolivian",
            "Bolivia (Plurinational State of)",
            "Bolivia, Plurinational State of",
            "Plurinational State of Bolivia",
        ],
    ),
    ("bq", "BES", "Bonaire, Sint Eustatius and Saba", &["Caribbean Netherlands", "Bonaire", "Sint Eustatius"]),
    ("br", "BRA", "Brazil", &["Brazilian", "Brasil", "Federative Republic of Brazil"]),
    ("bs", "BHS", "Bahamas", &["Bahamas, The", "Bahamian", "Commonwealth of the Bahamas"]),
    ("bt", "BTN", "Bhutan", &["Bhutanese", "Kingdom of Bhutan"]),
    ("bv", "BVT", "Bouvet Island", &[]),
    ("bw", "BWA", "Botswana", &["Botswanan", "Motswana", "Batswana"]),
    (
        "by",
        "BLR",
        "Belarus",
        &[
            "Belarusian",
            "Belarussian",
            "Belorussian",
            "Byelorussian",
            "Belorussia",
            "Byelorussia",
            "Republic of Belarus",
            "Беларусь",
            "Белоруссия",
            "Республика Беларусь",
            "Belarusi",
            "Respubliki Belarus",
            "Білорусь",
        ],
    ),
    ("bz", "BLZ", "Belize", &["Belizean"]),
    ("ca", "CAN", "Canada", &["Canadian"]),
    ("cc", "CCK", "Cocos (Keeling) Islands", &["Cocos Islands", "Keeling Islands"]),
    (
        "cd",
        "COD",
        "Democratic Republic of the Congo",
        &[
            "Congo, Democratic Republic of the",
            "Congo, The Democratic Republic of the",
            "Congo (Democratic Republic of the)",
            "Congo, Dem. Rep.",
            "Democratic Republic of Congo",
            "Dem. Rep. Congo",
            "DR Congo",
            "D.R. Congo",
            "DRC",
            "RDC",
            "Congo-Kinshasa",
            "Zaire",
            "Congolese",
            "République démocratique du Congo",
        ],
    ),
    ("cf", "CAF", "Central African Republic", &["Central African", "Centrafrique", "République centrafricaine"]),
    (
        "cg",
        "COG",
        "Congo",
        &[
            "Republic of the Congo",
            "Republic of Congo",
            "Congo, Republic of the",
            "Congo (Republic of the)",
            "Congo, Rep.",
            "Congo Republic",
            "Congo-Brazzaville",
        ],
    ),
    ("ch", "CHE", "Switzerland", &["Swiss", "Swiss Confederation", "Schweiz", "Suisse", "Svizzera"]),
    ("ci", "CIV", "Côte d'Ivoire", &["Ivory Coast", "Ivorian", "Cote dIvoire", "Republic of Côte d'Ivoire"]),
    ("ck", "COK", "Cook Islands", &["Cook Islander"]),
    ("cl", "CHL", "Chile", &["Chilean", "Republic of Chile"]),
    ("cm", "CMR", "Cameroon", &["Cameroonian", "Republic of Cameroon", "Cameroun"]),
    (
        "cn",
        "CHN",
        "China",
        &[
            "Chinese",
            "People's Republic of China",
            "Peoples Republic of China",
            "China, People's Republic of",
            "PRC",
            "P.R.C.",
            "Mainland China",
            "Chine",
            "中国",
        ],
    ),
    ("co", "COL", "Colombia", &["Colombian", "Republic of Colombia"]),
    ("cr", "CRI", "Costa Rica", &["Costa Rican"]),
    ("csxx", "SCG", "Serbia and Montenegro", &["State Union of Serbia and Montenegro"]),
    ("cu", "CUB", "Cuba", &["Cuban", "Republic of Cuba"]),
    ("cv", "CPV", "Cabo Verde", &["Cape Verde", "Cape Verdean", "Cabo Verdean", "Republic of Cabo Verde"]),
    ("cw", "CUW", "Curaçao", &[]),
    ("cx", "CXR", "Christmas Island", &[]),
    ("cy", "CYP", "Cyprus", &["Cypriot", "Republic of Cyprus", "Northern Cyprus"]),
    ("cz", "CZE", "Czechia", &["Czech Republic", "Czech", "Česko", "Česká republika"]),
    ("ddde", "DDR", "East Germany", &["German Democratic Republic", "GDR", "East German"]),
    (
        "de",
        "DEU",
        "Germany",
        &[
            "German",
            "Federal Republic of Germany",
            "West Germany",
            "Deutschland",
            "Bundesrepublik Deutschland",
            "Allemagne",
            "Alemania",
            "Germania",
        ],
    ),
    ("dj", "DJI", "Djibouti", &["Djiboutian", "Republic of Djibouti"]),
    ("dk", "DNK", "Denmark", &["Danish", "Dane", "Kingdom of Denmark", "Danmark"]),
    ("dm", "DMA", "Dominica", &["Commonwealth of Dominica"]),
    ("do", "DOM", "Dominican Republic", &["Dominican", "República Dominicana"]),
    ("dz", "DZA", "Algeria", &["Algerian", "People's Democratic Republic of Algeria", "Algérie"]),
    ("ec", "ECU", "Ecuador", &["Ecuadorian", "Ecuadorean", "Republic of Ecuador"]),
    ("ee", "EST", "Estonia", &["Estonian", "Republic of Estonia", "Eesti"]),
    ("eg", "EGY", "Egypt", &["Egyptian", "Arab Republic of Egypt", "Égypte", "Egipto"]),
    ("eh", "ESH", "Western Sahara", &["Sahrawi", "Sahrawi Arab Democratic Republic"]),
    ("er", "ERI", "Eritrea", &["Eritrean", "State of Eritrea"]),
    ("es", "ESP", "Spain", &["Spanish", "Kingdom of Spain", "España", "Espagne", "Spanien"]),
    ("et", "ETH", "Ethiopia", &["Ethiopian", "Federal Democratic Republic of Ethiopia"]),
    ("fi", "FIN", "Finland", &["Finnish", "Republic of Finland", "Suomi"]),
    ("fj", "FJI", "Fiji", &["Fijian", "Republic of Fiji"]),
    ("fk", "FLK", "Falkland Islands", &["Falkland Islands (Malvinas)", "Falklands", "Malvinas"]),
    (
        "fm",
        "FSM",
        "Micronesia",
        &[
            "Federated States of Micronesia",
            "Micronesia, Federated States of",
            "Micronesia (Federated States of)",
            "Micronesian",
        ],
    ),
    ("fo", "FRO", "Faroe Islands", &["Faeroe Islands", "Faroes", "Faroese"]),
    ("fr", "FRA", "France", &["French", "French Republic", "République française", "Frankreich", "Francia"]),
    ("ga", "GAB", "Gabon", &["Gabonese", "Gabonese Republic"]),
    (
        "gb",
        "GBR",
        "United Kingdom",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "UK",
            "U.K.",
            "Great Britain",
            "Britain",
            "British",
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Reino Unido",
            "Royaume-Uni",
            "Vereinigtes Königreich",
        ],
    ),
    ("gd", "GRD", "Grenada", &["Grenadian"]),
    ("ge", "GEO", "Georgia", &["Georgian", "Sakartvelo", "Грузия"]),
    ("ge-ab", "", "Abkhazia", &["Republic of Abkhazia", "Abkhaz", "Abkhazian", "Абхазия"]),
    ("ge-os", "", "South Ossetia", &["Republic of South Ossetia", "South Ossetian", "Южная Осетия"]),
    ("gf", "GUF", "French Guiana", &["Guyane"]),
    ("gg", "GGY", "Guernsey", &[]),
    ("gh", "GHA", "Ghana", &["Ghanaian", "Republic of Ghana"]),
    ("gi", "GIB", "Gibraltar", &["Gibraltarian"]),
    ("gl", "GRL", "Greenland", &["Greenlandic", "Kalaallit Nunaat"]),
    ("gm", "GMB", "Gambia", &["Gambia, The", "Republic of the Gambia", "Gambian"]),
    ("gn", "GIN", "Guinea", &["Guinean", "Republic of Guinea", "Guinea-Conakry"]),
    ("gp", "GLP", "Guadeloupe", &[]),
    ("gq", "GNQ", "Equatorial Guinea", &["Equatorial Guinean", "Equatoguinean", "Republic of Equatorial Guinea"]),
    ("gr", "GRC", "Greece", &["Greek", "Hellenic Republic", "Hellas", "Ελλάδα"]),
    (
        "gs",
        "SGS",
        "South Georgia and the South Sandwich Islands",
        &["South Georgia and South Sandwich Islands", "South Georgia"],
    ),
    ("gt", "GTM", "Guatemala", &["Guatemalan", "Republic of Guatemala"]),
    ("gu", "GUM", "Guam", &["Guamanian"]),
    ("gw", "GNB", "Guinea-Bissau", &["Bissau-Guinean", "Republic of Guinea-Bissau"]),
    ("gy", "GUY", "Guyana", &["Guyanese", "Co-operative Republic of Guyana"]),
    (
        "hk",
        "HKG",
        "Hong Kong",
        &[
            "Hong Kong SAR",
            "HKSAR",
            "Hong Kong, China",
            "Hong Kong Special Administrative Region",
            "Hong Kong Special Administrative Region of China",
            "China, Hong Kong Special Administrative Region",
            "China, Hong Kong SAR",
        ],
    ),
    ("hm", "HMD", "Heard Island and McDonald Islands", &["Heard and McDonald Islands"]),
    ("hn", "HND", "Honduras", &["Honduran", "Republic of Honduras"]),
    ("hr", "HRV", "Croatia", &["Croatian", "Croat", "Republic of Croatia", "Hrvatska"]),
    ("ht", "HTI", "Haiti", &["Haitian", "Republic of Haiti"]),
    ("hu", "HUN", "Hungary", &["Hungarian", "Magyarország"]),
    ("id", "IDN", "Indonesia", &["Indonesian", "Republic of Indonesia"]),
    ("ie", "IRL", "Ireland", &["Irish", "Republic of Ireland", "Éire"]),
    ("il", "ISR", "Israel", &["Israeli", "State of Israel"]),
    ("im", "IMN", "Isle of Man", &["Man, Isle of", "Manx"]),
    ("in", "IND", "India", &["Indian", "Republic of India", "Bharat"]),
    ("io", "IOT", "British Indian Ocean Territory", &["Chagos Islands"]),
    ("iq", "IRQ", "Iraq", &["Iraqi", "Republic of Iraq", "Irak"]),
    (
        "ir",
        "IRN",
        "Iran",
        &["Iranian", "Iran (Islamic Republic of)", "Iran, Islamic Republic of", "Islamic Republic of Iran", "Persia"],
    ),
    ("is", "ISL", "Iceland", &["Icelandic", "Icelander"]),
    ("it", "ITA", "Italy", &["Italian", "Italian Republic", "Italia", "Italie", "Italien"]),
    ("je", "JEY", "Jersey", &[]),
    ("jm", "JAM", "Jamaica", &["Jamaican"]),
    ("jo", "JOR", "Jordan", &["Jordanian", "Hashemite Kingdom of Jordan"]),
    ("jp", "JPN", "Japan", &["Japanese", "Nippon", "日本"]),
    ("ke", "KEN", "Kenya", &["Kenyan", "Republic of Kenya"]),
    ("kg", "KGZ", "Kyrgyzstan", &["Kyrgyz", "Kyrgyz Republic", "Kirghiz", "Kirghizia", "Kirgizstan", "Kyrgyzstani"]),
    ("kh", "KHM", "Cambodia", &["Cambodian", "Kingdom of Cambodia", "Kampuchea"]),
    ("ki", "KIR", "Kiribati", &["I-Kiribati"]),
    ("km", "COM", "Comoros", &["Comorian", "Union of the Comoros", "Comoro Islands"]),
    ("kn", "KNA", "Saint Kitts and Nevis", &["Saint Christopher and Nevis", "Saint Kitts", "Kittitian", "Nevisian"]),
    (
        "kp",
        "PRK",
        "North Korea",
        &[
            "Korea, North",
            "Korea (North)",
            "Democratic People's Republic of Korea",
            "Democratic Peoples Republic of Korea",
            "Korea, Democratic People's Republic of",
            "Korea, Democratic Peoples Republic of",
            "Korea, Dem. People's Rep.",
            "Korea DPR",
            "DPR Korea",
            "DPRK",
            "D.P.R.K.",
            "North Korean",
            "조선민주주의인민공화국",
        ],
    ),
    (
        "kr",
        "KOR",
        "South Korea",
        &[
            "Korea, South",
            "Korea (South)",
            "Republic of Korea",
            "Korea, Republic of",
            "Korea, Rep.",
            "ROK",
            "South Korean",
            "대한민국",
        ],
    ),
    ("kw", "KWT", "Kuwait", &["Kuwaiti", "State of Kuwait"]),
    ("ky", "CYM", "Cayman Islands", &["Cayman", "Caymanian"]),
    ("kz", "KAZ", "Kazakhstan", &["Kazakh", "Kazakhstani", "Kazakstan", "Republic of Kazakhstan", "Казахстан"]),
    (
        "la",
        "LAO",
        "Laos",
        &["Lao People's Democratic Republic", "Lao Peoples Democratic Republic", "Lao PDR", "Lao", "Laotian"],
    ),
    ("lb", "LBN", "Lebanon", &["Lebanese", "Lebanese Republic", "Liban", "Líbano"]),
    ("lc", "LCA", "Saint Lucia", &["Saint Lucian"]),
    ("li", "LIE", "Liechtenstein", &["Liechtensteiner", "Principality of Liechtenstein"]),
    ("lk", "LKA", "Sri Lanka", &["Sri Lankan", "Democratic Socialist Republic of Sri Lanka", "Ceylon"]),
    ("lr", "LBR", "Liberia", &["Liberian", "Republic of Liberia"]),
    ("ls", "LSO", "Lesotho", &["Basotho", "Mosotho", "Kingdom of Lesotho"]),
    ("lt", "LTU", "Lithuania", &["Lithuanian", "Republic of Lithuania", "Lietuva"]),
    ("lu", "LUX", "Luxembourg", &["Luxembourger", "Luxembourgish", "Grand Duchy of Luxembourg"]),
    ("lv", "LVA", "Latvia", &["Latvian", "Republic of Latvia", "Latvija"]),
    ("ly", "LBY", "Libya", &["Libyan", "State of Libya", "Libyan Arab Jamahiriya", "Libye"]),
    ("ma", "MAR", "Morocco", &["Moroccan", "Kingdom of Morocco", "Maroc", "Marruecos"]),
    ("mc", "MCO", "Monaco", &["Monegasque", "Principality of Monaco"]),
    (
        "md",
        "MDA",
        "Moldova",
        &["Moldovan", "Republic of Moldova", "Moldova, Republic of", "Moldova (Republic of)", "Moldavia", "Moldavian"],
    ),
    (
        "md-pmr",
        "",
        "Transnistria",
        &[
            "Transnistrian",
            "Transdniestria",
            "Transdnistria",
            "Trans-Dniester",
            "Pridnestrovie",
            "Pridnestrovian Moldavian Republic",
            "Приднестровье",
            "Приднестровская Молдавская Республика",
        ],
    ),
    ("me", "MNE", "Montenegro", &["Montenegrin", "Crna Gora"]),
    ("mf", "MAF", "Saint Martin", &["Saint Martin (French part)", "Saint-Martin"]),
    ("mg", "MDG", "Madagascar", &["Malagasy", "Republic of Madagascar"]),
    ("mh", "MHL", "Marshall Islands", &["Marshallese", "Republic of the Marshall Islands"]),
    (
        "mk",
        "MKD",
        "North Macedonia",
        &[
            "Macedonia",
            "Macedonian",
            "Republic of North Macedonia",
            "North Macedonia, The Republic of",
            "North Macedonia, Republic of",
            "Republic of Macedonia",
            "Former Yugoslav Republic of Macedonia",
            "Macedonia, the former Yugoslav Republic of",
            "FYROM",
        ],
    ),
    ("ml", "MLI", "Mali", &["Malian", "Republic of Mali"]),
    (
        "mm",
        "MMR",
        "Myanmar",
        &["Burma", "Burmese", "Myanmar (Burma)", "Burma (Myanmar)", "Republic of the Union of Myanmar"],
    ),
    ("mn", "MNG", "Mongolia", &["Mongolian"]),
    (
        "mo",
        "MAC",
        "Macao",
        &[
            "Macau",
            "Macanese",
            "Macao SAR",
            "Macau SAR",
            "Macao Special Administrative Region",
            "China, Macao Special Administrative Region",
        ],
    ),
    ("mp", "MNP", "Northern Mariana Islands", &["Northern Marianas"]),
    ("mq", "MTQ", "Martinique", &[]),
    ("mr", "MRT", "Mauritania", &["Mauritanian", "Islamic Republic of Mauritania"]),
    ("ms", "MSR", "Montserrat", &[]),
    ("mt", "MLT", "Malta", &["Maltese", "Republic of Malta"]),
    ("mu", "MUS", "Mauritius", &["Mauritian", "Republic of Mauritius"]),
    ("mv", "MDV", "Maldives", &["Maldivian", "Republic of Maldives"]),
    ("mw", "MWI", "Malawi", &["Malawian", "Republic of Malawi"]),
    ("mx", "MEX", "Mexico", &["Mexican", "United Mexican States", "Mexique", "Estados Unidos Mexicanos"]),
    ("my", "MYS", "Malaysia", &["Malaysian"]),
    ("mz", "MOZ", "Mozambique", &["Mozambican", "Republic of Mozambique"]),
    ("na", "NAM", "Namibia", &["Namibian", "Republic of Namibia"]),
    ("nc", "NCL", "New Caledonia", &["Nouvelle-Calédonie"]),
    ("ne", "NER", "Niger", &["Nigerien", "Republic of the Niger", "Republic of Niger"]),
    ("nf", "NFK", "Norfolk Island", &[]),
    ("ng", "NGA", "Nigeria", &["Nigerian", "Federal Republic of Nigeria"]),
    ("ni", "NIC", "Nicaragua", &["Nicaraguan", "Republic of Nicaragua"]),
    ("nl", "NLD", "Netherlands", &["Netherlands, The", "Kingdom of the Netherlands", "Holland", "Dutch", "Nederland"]),
    ("no", "NOR", "Norway", &["Norwegian", "Kingdom of Norway", "Norge"]),
    ("np", "NPL", "Nepal", &["Nepali", "Nepalese"]),
    ("nr", "NRU", "Nauru", &["Nauruan"]),
    ("nu", "NIU", "Niue", &["Niuean"]),
    ("nz", "NZL", "New Zealand", &["New Zealander", "Aotearoa"]),
    ("om", "OMN", "Oman", &["Omani", "Sultanate of Oman"]),
    ("pa", "PAN", "Panama", &["Panamanian", "Republic of Panama", "Panamá"]),
    ("pe", "PER", "Peru", &["Peruvian", "Republic of Peru", "Perú"]),
    ("pf", "PYF", "French Polynesia", &["Polynésie française"]),
    ("pg", "PNG", "Papua New Guinea", &["Papua New Guinean"]),
    (
        "ph",
        "PHL",
        "Philippines",
        &[
            "Filipino",
            "Philippine",
            "Republic of the Philippines",
            "Pilipinas",
            "Phillipines",
            "Phillippines",
            "Philipines",
        ],
    ),
    ("pk", "PAK", "Pakistan", &["Pakistani", "Islamic Republic of Pakistan"]),
    ("pl", "POL", "Poland", &["Polish", "Republic of Poland", "Polska"]),
    ("pm", "SPM", "Saint Pierre and Miquelon", &["Saint-Pierre-et-Miquelon"]),
    ("pn", "PCN", "Pitcairn", &["Pitcairn Islands"]),
    ("pr", "PRI", "Puerto Rico", &["Puerto Rican"]),
    (
        "ps",
        "PSE",
        "Palestine",
        &[
            "State of Palestine",
            "Palestine, State of",
            "Palestinian",
            "Palestinian Territories",
            "Palestinian Territory",
            "Palestinian Territory, Occupied",
            "Occupied Palestinian Territory",
            "Occupied Palestinian Territories",
            "Palestinian Authority",
            "West Bank",
            "West Bank and Gaza",
            "Gaza",
            "Gaza Strip",
        ],
    ),
    ("pt", "PRT", "Portugal", &["Portuguese", "Portuguese Republic"]),
    ("pw", "PLW", "Palau", &["Palauan", "Republic of Palau"]),
    ("py", "PRY", "Paraguay", &["Paraguayan", "Republic of Paraguay"]),
    ("qa", "QAT", "Qatar", &["Qatari", "State of Qatar"]),
    ("re", "REU", "Réunion", &[]),
    ("ro", "ROU", "Romania", &["Romanian", "Roumania", "România"]),
    ("rs", "SRB", "Serbia", &["Serbian", "Republic of Serbia", "Srbija"]),
    (
        "ru",
        "RUS",
        "Russia",
        &[
            "Russian Federation",
            "RSFSR",
            "Russian",
            "Россия",
            "Российская Федерация",
            "Росія",
            "Federación de Rusia",
            "Rusia",
            "Russland",
            "Russie",
            "Fédération de Russie",
            // Russian romanised, as organisation names print it
            // (Sberbank Rossii, Rossiyskiye Zheleznye Dorogi). Not the bare
            // nominative, which names as a proper name does (Bank Rossiya).
            "Rossii",
            "Rossiyskaya",
            "Rossiyskiy",
            "Rossiyskiye",
            "Rossiyskoy",
            "Rossiyskoye",
            "Rossiyskoe",
            "Rossiiskaya",
            "Rossiiskii",
            "Rossiiskoi",
            "Rossiiskoe",
            "Rossiyskaya Federatsiya",
            "Rossiyskoy Federatsii",
        ],
    ),
    ("rw", "RWA", "Rwanda", &["Rwandan", "Rwandese", "Republic of Rwanda"]),
    ("sa", "SAU", "Saudi Arabia", &["Saudi", "Saudi Arabian", "Kingdom of Saudi Arabia", "KSA"]),
    ("sb", "SLB", "Solomon Islands", &["Solomon Islander"]),
    ("sc", "SYC", "Seychelles", &["Seychellois", "Republic of Seychelles"]),
    ("sd", "SDN", "Sudan", &["Sudanese", "Republic of the Sudan", "Republic of Sudan"]),
    ("se", "SWE", "Sweden", &["Swedish", "Swede", "Kingdom of Sweden", "Sverige"]),
    ("sg", "SGP", "Singapore", &["Singaporean", "Republic of Singapore"]),
    (
        "sh",
        "SHN",
        "Saint Helena, Ascension and Tristan da Cunha",
        &["Saint Helena", "Ascension Island", "Tristan da Cunha"],
    ),
    ("si", "SVN", "Slovenia", &["Slovenian", "Slovene", "Republic of Slovenia"]),
    ("sj", "SJM", "Svalbard and Jan Mayen", &["Svalbard", "Jan Mayen"]),
    ("sk", "SVK", "Slovakia", &["Slovak", "Slovak Republic"]),
    ("sl", "SLE", "Sierra Leone", &["Sierra Leonean", "Republic of Sierra Leone"]),
    ("sm", "SMR", "San Marino", &["Sammarinese"]),
    ("sn", "SEN", "Senegal", &["Senegalese", "Republic of Senegal", "Sénégal"]),
    ("so", "SOM", "Somalia", &["Somali", "Somalian", "Federal Republic of Somalia"]),
    ("sr", "SUR", "Suriname", &["Surinamese", "Surinam"]),
    ("ss", "SSD", "South Sudan", &["South Sudanese", "Republic of South Sudan"]),
    ("st", "STP", "São Tomé and Príncipe", &["Sao Tomean", "Santomean"]),
    (
        "suhh",
        "SUN",
        "Soviet Union",
        &[
            "USSR",
            "U.S.S.R.",
            "ex-USSR",
            "former USSR",
            "former Soviet Union",
            "Union of Soviet Socialist Republics",
            "Soviet",
            "СССР",
        ],
    ),
    ("sv", "SLV", "El Salvador", &["Salvadoran", "Salvadorian", "Salvadorean", "Republic of El Salvador"]),
    ("sx", "SXM", "Sint Maarten", &["Sint Maarten (Dutch part)"]),
    ("sy", "SYR", "Syria", &["Syrian", "Syrian Arab Republic", "Syrie", "Siria", "Syrien"]),
    ("sz", "SWZ", "Eswatini", &["Swaziland", "Swazi", "Kingdom of Eswatini"]),
    ("tc", "TCA", "Turks and Caicos Islands", &["Turks and Caicos"]),
    ("td", "TCD", "Chad", &["Chadian", "Republic of Chad", "Tchad"]),
    ("tf", "ATF", "French Southern Territories", &["French Southern and Antarctic Lands"]),
    ("tg", "TGO", "Togo", &["Togolese", "Togolese Republic"]),
    ("th", "THA", "Thailand", &["Thai", "Kingdom of Thailand", "Siam"]),
    ("tj", "TJK", "Tajikistan", &["Tajik", "Tajikistani", "Republic of Tajikistan", "Tadjikistan"]),
    ("tk", "TKL", "Tokelau", &[]),
    ("tl", "TLS", "Timor-Leste", &["East Timor", "Timorese", "Democratic Republic of Timor-Leste"]),
    ("tm", "TKM", "Turkmenistan", &["Turkmen"]),
    ("tn", "TUN", "Tunisia", &["Tunisian", "Republic of Tunisia", "Tunisie"]),
    ("to", "TON", "Tonga", &["Tongan", "Kingdom of Tonga"]),
    ("tr", "TUR", "Türkiye", &["Turkey", "Turkish", "Republic of Türkiye", "Republic of Turkey", "Turquía"]),
    ("tt", "TTO", "Trinidad and Tobago", &["Trinidadian", "Tobagonian", "Republic of Trinidad and Tobago"]),
    ("tv", "TUV", "Tuvalu", &["Tuvaluan"]),
    (
        "tw",
        "TWN",
        "Taiwan",
        &[
            "Taiwan, Province of China",
            "Taiwan (Province of China)",
            "Republic of China",
            "Chinese Taipei",
            "Taiwanese",
        ],
    ),
    ("tz", "TZA", "Tanzania", &["Tanzanian", "United Republic of Tanzania", "Tanzania, United Republic of"]),
    (
        "ua",
        "UKR",
        "Ukraine",
        &["Ukrainian", "Україна", "Украина", "Ukraina", "Ukrainy", "Ukrainskaya", "Ukrainskiy", "Ukrainskoy"],
    ),
    (
        "ua-cri",
        "",
        "Crimea",
        &[
            "Autonomous Republic of Crimea",
            "Republic of Crimea",
            "Crimean Peninsula",
            "Crimean",
            "Krym",
            "Krim",
            "Крым",
            "Крим",
        ],
    ),
    (
        "ua-dpr",
        "",
        "Donetsk People's Republic",
        &["Donetsk Peoples Republic", "DNR", "Донецкая Народная Республика", "ДНР"],
    ),
    (
        "ua-lpr",
        "",
        "Luhansk People's Republic",
        &[
            "Luhansk Peoples Republic",
            "Lugansk People's Republic",
            "Lugansk Peoples Republic",
            "LNR",
            "LPR",
            "Луганская Народная Республика",
            "ЛНР",
        ],
    ),
    ("ug", "UGA", "Uganda", &["Ugandan", "Republic of Uganda"]),
    ("um", "UMI", "United States Minor Outlying Islands", &["U.S. Minor Outlying Islands"]),
    (
        "us",
        "USA",
        "United States",
        &[
            "United States of America",
            "USA",
            "U.S.A.",
            "U.S.",
            "America",
            "American",
            "Estados Unidos",
            "États-Unis",
            "Vereinigte Staaten",
        ],
    ),
    ("uy", "URY", "Uruguay", &["Uruguayan", "Oriental Republic of Uruguay"]),
    ("uz", "UZB", "Uzbekistan", &["Uzbek", "Uzbekistani", "Republic of Uzbekistan"]),
    ("va", "VAT", "Holy See", &["Vatican", "Vatican City", "Vatican City State", "Holy See (Vatican City State)"]),
    ("vc", "VCT", "Saint Vincent and the Grenadines", &["Saint Vincent and Grenadines", "Saint Vincent", "Vincentian"]),
    (
        "ve",
        "VEN",
        "Venezuela",
        &[
            "Venezuelan",
            "Venezuela (Bolivarian Republic of)",
            "Venezuela, Bolivarian Republic of",
            "Bolivarian Republic of Venezuela",
        ],
    ),
    ("vg", "VGB", "British Virgin Islands", &["Virgin Islands, British", "Virgin Islands (British)", "BVI"]),
    (
        "vi",
        "VIR",
        "United States Virgin Islands",
        &["Virgin Islands, U.S.", "Virgin Islands (U.S.)", "US Virgin Islands", "U.S. Virgin Islands", "USVI"],
    ),
    ("vn", "VNM", "Vietnam", &["Viet Nam", "Vietnamese", "Socialist Republic of Vietnam"]),
    ("vu", "VUT", "Vanuatu", &["Ni-Vanuatu", "Vanuatuan"]),
    ("wf", "WLF", "Wallis and Futuna", &["Wallis and Futuna Islands"]),
    ("ws", "WSM", "Samoa", &["Samoan", "Independent State of Samoa", "Western Samoa"]),
    ("xk", "XKX", "Kosovo", &["Kosovar", "Kosovan", "Republic of Kosovo", "Kosova"]),
    ("ye", "YEM", "Yemen", &["Yemeni", "Yemenite", "Republic of Yemen"]),
    ("yt", "MYT", "Mayotte", &[]),
    (
        "yucs",
        "YUG",
        "Yugoslavia",
        &[
            "Yugoslav",
            "Yugoslavian",
            "former Yugoslavia",
            "Federal Republic of Yugoslavia",
            "Socialist Federal Republic of Yugoslavia",
            "SFRY",
        ],
    ),
    ("za", "ZAF", "South Africa", &["South African", "Republic of South Africa", "RSA"]),
    ("zm", "ZMB", "Zambia", &["Zambian", "Republic of Zambia"]),
    ("zw", "ZWE", "Zimbabwe", &["Zimbabwean", "Republic of Zimbabwe"]),
];

/// Codes read by [`country_code`] but never found in free text, since they
/// collide with ordinary words: former ISO 3166-1 alpha-2 codes (ISO 3166-3),
/// the EU's `EL` for Greece and the ISO 3166-2 code of Crimea.
static CODE_ALIASES: &[(&str, &str)] =
    &[("su", "suhh"), ("yu", "yucs"), ("dd", "ddde"), ("cs", "csxx"), ("el", "gr"), ("ua-43", "ua-cri")];

/// Phrases that contain a country name but do not name that country
/// (`New Mexico` is not Mexico): free-text search skips them whole.
static NOT_COUNTRIES: &[&str] = &[
    "Korea",
    "Korean",
    "Korean Peninsula",
    "East Azerbaijan",
    "West Azerbaijan",
    "Mandatory Palestine",
    "Mandate Palestine",
    "British Mandate of Palestine",
    "New Mexico",
    "New Jersey",
    "New South Wales",
    "New England",
    "New Guinea",
    "British Columbia",
    "Indian Ocean",
    "South America",
    "North America",
    "Central America",
    "Latin America",
    "Virgin Islands",
    "Netherlands Antilles",
    "Turkish Republic of Northern Cyprus",
];

/// Abbreviations that are also common words: free text must print them in
/// capitals (`US`, not `us`).
static CAPITALS_ONLY: &[(&str, &str)] = &[("us", "us")];

/// Words allowed around a single country in a value read by [`country_code`]:
/// hedges (`possibly Palestinian`), labels (`Region: Gaza`), enumerations
/// (`(a) Egyptian`), history (`former Soviet Union`, `Italian since 1990`)
/// and compass points (`Southern Lebanon`).
static FILLER: &[&str] = &[
    "a",
    "also",
    "alleged",
    "allegedly",
    "and",
    "as",
    "assumed",
    "at",
    "b",
    "be",
    "believed",
    "birth",
    "by",
    "c",
    "central",
    "citizen",
    "citizens",
    "citizenship",
    "country",
    "d",
    "descent",
    "dual",
    "east",
    "eastern",
    "ex",
    "former",
    "formerly",
    "from",
    "i",
    "ii",
    "iii",
    "in",
    "likely",
    "national",
    "nationality",
    "nationals",
    "north",
    "northern",
    "now",
    "of",
    "or",
    "origin",
    "passport",
    "possible",
    "possibly",
    "presumably",
    "presumed",
    "probably",
    "region",
    "reportedly",
    "since",
    "south",
    "southern",
    "the",
    "to",
    "until",
    "west",
    "western",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The most words in a free-text phrase (`United Kingdom of Great Britain
/// and Northern Ireland`).
const MAX_WORDS: usize = 8;

/// Every code, alpha-3 code, name and alias, folded, with its code.
static EXACT: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let mut add = |text: &str, code: &'static str| {
        let key = fold(text);
        if !key.is_empty() {
            map.entry(key).or_insert(code);
        }
    };
    // Codes first, so that no name can shadow a code.
    for &(code, alpha3, _, _) in COUNTRIES {
        add(code, code);
        add(alpha3, code);
    }
    for &(alias, code) in CODE_ALIASES {
        add(alias, code);
    }
    for &(code, _, name, aliases) in COUNTRIES {
        add(name, code);
        for alias in aliases {
            add(alias, code);
        }
    }
    map
});

/// The phrases searched in free text: names and aliases with their code, and
/// [`NOT_COUNTRIES`] with an empty code.
static PHRASES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let mut add = |text: &str, code: &'static str| {
        let key = fold(text);
        if !key.is_empty() {
            map.entry(key).or_insert(code);
        }
    };
    for &phrase in NOT_COUNTRIES {
        add(phrase, "");
    }
    for &(code, _, name, aliases) in COUNTRIES {
        add(name, code);
        for alias in aliases {
            add(alias, code);
        }
    }
    for &(abbreviation, code) in CAPITALS_ONLY {
        add(abbreviation, code);
    }
    map
});

/// True when `value` is a known lower-case code (`ru`, `xk`, `suhh`, `ua-cri`).
pub fn is_code(value: &str) -> bool {
    find(value).is_some()
}

/// The code of a country value printed by a list: a code in any case (`RU`,
/// `RUS`), a name (`Russia`, `Russian Federation`, `Korea, North`), a
/// demonym (`Russian`) or a name in another language (`Россия`).
///
/// Case, diacritics, punctuation, surrounding whitespace and a leading `the`
/// are ignored. Hedges and labels around one country are accepted
/// (`possibly Palestinian`, `Region: Gaza`, `Sudanese by birth`); a value
/// naming two countries (`Ukrainian, Russian`) has no single code and gives
/// `None` — read those with [`countries_in_text`].
pub fn country_code(text: &str) -> Option<&'static str> {
    let words = words(text);
    let start = usize::from(words.first().is_some_and(|w| w.text == "the"));
    if let Some(&code) = EXACT.get(&join(&words[start..])) {
        return Some(code);
    }
    let mut found = None;
    for piece in scan(&words) {
        match piece {
            Piece::Country(code) if found.is_none_or(|f| f == code) => found = Some(code),
            Piece::Other(word) if is_filler(&words[word].text) => {}
            _ => return None,
        }
    }
    found
}

/// The code of the country a word, folded as names are (lower case, no
/// diacritics), names by itself as its name or demonym (`china` → `cn`,
/// `iranian` → `ir`, `rossii` → `ru`); codes and words that are only part of
/// a country's name do not count.
///
/// ```
/// use vetter_model::country::country_of_word;
/// assert_eq!(country_of_word("china"), Some("cn"));
/// assert_eq!(country_of_word("rossii"), country_of_word("russia"));
/// assert_eq!(country_of_word("mar"), None);
/// assert_eq!(country_of_word("bank"), None);
/// ```
pub fn country_of_word(word: &str) -> Option<&'static str> {
    PHRASES.get(word).copied().filter(|code| !code.is_empty())
}

/// The English short name of a code (`ru` → `Russia`); upper-case codes are
/// accepted too.
pub fn country_name(code: &str) -> Option<&'static str> {
    find(code).or_else(|| find(&code.to_ascii_lowercase())).map(|row| row.2)
}

/// The codes of every country named in a longer text, in order of first
/// appearance: `Leningrad (now Saint-Petersburg), ex-USSR (now Russian
/// Federation)` → `["suhh", "ru"]`, `Tehran, Iran` → `["ir"]`.
///
/// Only whole words match, the longest phrase first: `Niger` is not found in
/// `Nigeria`, nor `Guinea` in `Papua New Guinea`, and `Serbia and
/// Montenegro` is one country. Names, demonyms and unambiguous abbreviations
/// (`USA`, `UAE`, `DPRK`; `US` in capitals) are found; bare ISO codes are not,
/// since many are ordinary words (`in`, `it`, `can`). `Georgia` is taken to be
/// the country, and phrases such as `New Mexico` name no country.
pub fn countries_in_text(text: &str) -> Vec<&'static str> {
    let mut codes = Vec::new();
    for piece in scan(&words(text)) {
        if let Piece::Country(code) = piece
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    codes
}

/// The table row of a lower-case code.
fn find(code: &str) -> Option<&'static Row> {
    COUNTRIES.binary_search_by(|row| row.0.cmp(code)).ok().map(|i| &COUNTRIES[i])
}

/// One folded word of a text.
struct Word {
    /// Lower case, without diacritics.
    text: String,
    /// Whether every letter was printed in upper case.
    capitals: bool,
}

/// Splits `text` into folded words: lower case, diacritics removed, split on
/// anything that is not a letter or digit. `&` becomes `and` and `St` becomes
/// `saint`.
fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut capitals = true;
    for c in text.chars() {
        if c == '&' {
            end_word(&mut words, &mut current, &mut capitals);
            words.push(Word { text: "and".to_owned(), capitals: false });
            continue;
        }
        let mut letter = false;
        for lower in c.to_lowercase() {
            match unaccent(lower) {
                _ if is_combining(lower) => letter = true,
                Unaccented::One(base) if base.is_alphanumeric() => {
                    current.push(base);
                    letter = true;
                }
                Unaccented::One(_) => {}
                Unaccented::Two(first, second) => {
                    current.push(first);
                    current.push(second);
                    letter = true;
                }
            }
        }
        if letter {
            capitals &= !c.is_lowercase();
        } else {
            end_word(&mut words, &mut current, &mut capitals);
        }
    }
    end_word(&mut words, &mut current, &mut capitals);
    words
}

/// Moves the word being read, if any, to `words`.
fn end_word(words: &mut Vec<Word>, current: &mut String, capitals: &mut bool) {
    if !current.is_empty() {
        let mut text = std::mem::take(current);
        if text == "st" {
            text = "saint".to_owned();
        }
        words.push(Word { text, capitals: *capitals });
    }
    *capitals = true;
}

/// The folded form of a text: its [`words`] joined by single spaces.
fn fold(text: &str) -> String {
    join(&words(text))
}

/// Words joined by single spaces.
fn join(words: &[Word]) -> String {
    let mut key = String::new();
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word.text);
    }
    key
}

/// A letter without its diacritic: one letter, or two for ligatures (`ß`).
enum Unaccented {
    One(char),
    Two(char, char),
}

/// The base of a lower-case Latin letter with a diacritic (Latin-1
/// Supplement and Latin Extended-A), and `ё` → `е`; other characters unchanged.
fn unaccent(c: char) -> Unaccented {
    use Unaccented::{One, Two};
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => One('a'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' | 'đ' | 'ð' => One('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => One('e'),
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => One('i'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => One('o'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => One('s'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => One('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        'ё' => One('е'),
        'ß' => Two('s', 's'),
        'æ' => Two('a', 'e'),
        'œ' => Two('o', 'e'),
        'þ' => Two('t', 'h'),
        _ => One(c),
    }
}

/// Whether `c` is a combining diacritical mark (text already decomposed).
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036f}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}'
    )
}

/// Whether a word may surround a country in a [`country_code`] value.
fn is_filler(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit()) || FILLER.contains(&word)
}

/// One step of a left-to-right scan of a text.
enum Piece {
    /// A phrase naming a country.
    Country(&'static str),
    /// A phrase that names no country (`New Mexico`).
    NotCountry,
    /// A word in no phrase, by index.
    Other(usize),
}

/// Splits words into the longest known phrases, left to right.
fn scan(words: &[Word]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut key = String::new();
    let mut ends = Vec::with_capacity(MAX_WORDS);
    let mut i = 0;
    while i < words.len() {
        key.clear();
        ends.clear();
        for word in words.iter().skip(i).take(MAX_WORDS) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&word.text);
            ends.push(key.len());
        }
        let found = ends.iter().enumerate().rev().find_map(|(n, &end)| {
            let phrase = &key[..end];
            let code = *PHRASES.get(phrase)?;
            let shouted = words[i].capitals;
            let allowed = n > 0 || shouted || !CAPITALS_ONLY.iter().any(|(a, _)| *a == phrase);
            allowed.then_some((n + 1, code))
        });
        match found {
            Some((n, code)) => {
                pieces.push(if code.is_empty() { Piece::NotCountry } else { Piece::Country(code) });
                i += n;
            }
            None => {
                pieces.push(Piece::Other(i));
                i += 1;
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Asserts `country_code` of every input, listing every failure at once.
    fn check(cases: &[(&str, Option<&str>)]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(input, expect)| {
                let got = country_code(input);
                (got != expect).then(|| format!("{input:?}: got {got:?}, expected {expect:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// Asserts `countries_in_text` of every input, listing every failure at once.
    fn check_text(cases: &[(&str, &[&str])]) {
        let failures: Vec<String> = cases
            .iter()
            .filter_map(|&(input, expect)| {
                let got = countries_in_text(input);
                (got != expect).then(|| format!("{input:?}: got {got:?}, expected {expect:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn table_is_sorted_complete_and_unique() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0), "sorted by code");
        let iso: Vec<_> = COUNTRIES.iter().filter(|row| row.0.len() == 2 && row.0 != "xk").collect();
        assert_eq!(iso.len(), 249, "every ISO 3166-1 country");
        assert!(iso.iter().all(|row| row.1.len() == 3 && row.1.chars().all(|c| c.is_ascii_uppercase())));
        let mut alpha3: Vec<_> = COUNTRIES.iter().map(|row| row.1).filter(|a| !a.is_empty()).collect();
        alpha3.sort_unstable();
        let count = alpha3.len();
        alpha3.dedup();
        assert_eq!(alpha3.len(), count, "alpha-3 codes are unique");
        for &(code, target) in CODE_ALIASES {
            assert!(is_code(target), "{code} → {target}");
        }
    }

    #[test]
    fn no_key_names_two_countries() {
        let mut seen: HashMap<String, (&str, &str)> = HashMap::new();
        let mut clashes = Vec::new();
        let all = COUNTRIES
            .iter()
            .flat_map(|&(code, alpha3, name, aliases)| {
                [code, alpha3, name].into_iter().chain(aliases.iter().copied()).map(move |text| (text, code))
            })
            .chain(CODE_ALIASES.iter().map(|&(alias, code)| (alias, code)));
        for (text, code) in all {
            let key = fold(text);
            if key.is_empty() {
                continue;
            }
            if let Some(&(other_text, other)) = seen.get(&key)
                && other != code
            {
                clashes.push(format!("{text:?} ({code}) vs {other_text:?} ({other})"));
            }
            seen.insert(key, (text, code));
        }
        assert!(clashes.is_empty(), "\n{}", clashes.join("\n"));
        for &phrase in NOT_COUNTRIES {
            assert_eq!(EXACT.get(&fold(phrase)), None, "{phrase}");
        }
    }

    #[test]
    fn phrases_fit_the_scan_window() {
        let longest = PHRASES.keys().map(|k| k.split(' ').count()).max();
        assert_eq!(longest, Some(MAX_WORDS));
    }

    #[test]
    fn codes() {
        check(&[
            ("ru", Some("ru")),
            ("RU", Some("ru")),
            (" Ru. ", Some("ru")),
            ("RUS", Some("ru")),
            ("IRN", Some("ir")),
            ("PRK", Some("kp")),
            ("GBR", Some("gb")),
            ("UK", Some("gb")),
            ("xk", Some("xk")),
            ("XKX", Some("xk")),
            ("SUHH", Some("suhh")),
            ("SU", Some("suhh")),
            ("YU", Some("yucs")),
            ("CS", Some("csxx")),
            ("DD", Some("ddde")),
            ("EL", Some("gr")),
            ("UA-CRI", Some("ua-cri")),
            ("ua-dpr", Some("ua-dpr")),
            ("UA-43", Some("ua-cri")),
            ("md-pmr", Some("md-pmr")),
            ("zz", None),
            ("xx", None),
            ("", None),
            ("  ", None),
            ("-0-", None),
        ]);
    }

    #[test]
    fn official_and_variant_names() {
        check(&[
            ("Russia", Some("ru")),
            ("Russian Federation", Some("ru")),
            ("the Russian Federation", Some("ru")),
            ("Iran (Islamic Republic of)", Some("ir")),
            ("Iran, Islamic Republic of", Some("ir")),
            ("Syrian Arab Republic", Some("sy")),
            ("Democratic People's Republic of Korea", Some("kp")),
            ("Democratic People’s Republic of Korea", Some("kp")),
            ("Democratic People’s Republic of Korea (DPRK)", Some("kp")),
            ("Korea, North", Some("kp")),
            ("Korea, Democratic People's Republic of", Some("kp")),
            ("Korea, South", Some("kr")),
            ("Republic of Korea", Some("kr")),
            ("Venezuela (Bolivarian Republic of)", Some("ve")),
            ("United Kingdom of Great Britain and Northern Ireland", Some("gb")),
            ("United States of America", Some("us")),
            ("Türkiye", Some("tr")),
            ("Turkiye", Some("tr")),
            ("Turkey", Some("tr")),
            ("Côte d'Ivoire", Some("ci")),
            ("Cote d'Ivoire", Some("ci")),
            ("Cote d Ivoire", Some("ci")),
            ("COTE D’IVOIRE", Some("ci")),
            ("Congo, Democratic Republic of the", Some("cd")),
            ("Democratic Republic of the Congo", Some("cd")),
            ("Congo", Some("cg")),
            ("Congo, Republic of the", Some("cg")),
            ("Republic of the Congo", Some("cg")),
            ("Lao People's Democratic Republic", Some("la")),
            ("Viet Nam", Some("vn")),
            ("Burma", Some("mm")),
            ("Myanmar/Burma", Some("mm")),
            ("Myanmar/ Burma", Some("mm")),
            ("Czechia", Some("cz")),
            ("Czech Republic", Some("cz")),
            ("Eswatini", Some("sz")),
            ("Swaziland", Some("sz")),
            ("Cabo Verde", Some("cv")),
            ("Cape Verde", Some("cv")),
            ("Holy See", Some("va")),
            ("Vatican City", Some("va")),
            ("State of Palestine", Some("ps")),
            ("Palestinian", Some("ps")),
            ("Palestinian Territories", Some("ps")),
            ("West Bank", Some("ps")),
            ("Gaza", Some("ps")),
            ("Region: Gaza", Some("ps")),
            ("Region: West Bank", Some("ps")),
            ("Macedonia", Some("mk")),
            ("North Macedonia", Some("mk")),
            ("North Macedonia, The Republic of", Some("mk")),
            ("USSR", Some("suhh")),
            ("ex-USSR", Some("suhh")),
            ("Soviet Union", Some("suhh")),
            ("former Soviet Union", Some("suhh")),
            ("Crimea", Some("ua-cri")),
            ("Region: Crimea", Some("ua-cri")),
            ("Donetsk People's Republic", Some("ua-dpr")),
            ("Luhansk People's Republic", Some("ua-lpr")),
            ("Abkhazia", Some("ge-ab")),
            ("South Ossetia", Some("ge-os")),
            ("Transnistria", Some("md-pmr")),
            ("Kosovo", Some("xk")),
            ("Serbia and Montenegro", Some("csxx")),
            ("Serbia & Montenegro", Some("csxx")),
            ("Yugoslavia", Some("yucs")),
            ("East Germany", Some("ddde")),
            ("German Democratic Republic", Some("ddde")),
            ("The Gambia", Some("gm")),
            ("Gambia, The", Some("gm")),
            ("Bahamas, The", Some("bs")),
            ("Man, Isle of", Some("im")),
            ("Virgin Islands, British", Some("vg")),
            ("St. Kitts & Nevis", Some("kn")),
            ("St. Vincent and the Grenadines", Some("vc")),
            ("Saint Kitts and Nevis", Some("kn")),
            ("United Republic of Tanzania", Some("tz")),
            ("Republic of Moldova", Some("md")),
            ("of the Republic of Moldova", Some("md")),
            ("China, Hong Kong Special Administrative Region", Some("hk")),
            ("Hong Kong", Some("hk")),
            ("Macau", Some("mo")),
            ("Taiwan, Province of China", Some("tw")),
            ("People's Republic of China", Some("cn")),
            ("Kingdom of the Netherlands", Some("nl")),
            ("Republic of Ireland", Some("ie")),
            ("Federated States of Micronesia", Some("fm")),
            ("São Tomé and Príncipe", Some("st")),
            ("Sao Tome and Principe", Some("st")),
            ("Curaçao", Some("cw")),
            ("Åland Islands", Some("ax")),
            ("Réunion", Some("re")),
            ("Ivory Coast", Some("ci")),
            ("East Timor", Some("tl")),
            ("Timor-Leste", Some("tl")),
            ("Guinea-Bissau", Some("gw")),
            ("Guinea Bissau", Some("gw")),
            ("Bosnia-Herzegovina", Some("ba")),
            ("Republika Srpska", Some("ba")),
            ("Sahrawi Arab Democratic Republic", Some("eh")),
            ("Region: Northern Mali", Some("ml")),
            ("Region: Russia", Some("ru")),
        ]);
    }

    #[test]
    fn demonyms() {
        check(&[
            ("Russian", Some("ru")),
            ("Iranian", Some("ir")),
            ("Syrian", Some("sy")),
            ("Afghan", Some("af")),
            ("Afgan", Some("af")),
            ("Pakistani", Some("pk")),
            ("Iraqi", Some("iq")),
            ("Yemeni", Some("ye")),
            ("Saudi", Some("sa")),
            ("Saudi Arabian", Some("sa")),
            ("North Korean", Some("kp")),
            ("DPRK", Some("kp")),
            ("DPRK.", Some("kp")),
            ("Chinese", Some("cn")),
            ("Ukrainian", Some("ua")),
            ("Belarusian", Some("by")),
            ("Belarussian", Some("by")),
            ("British", Some("gb")),
            ("American", Some("us")),
            ("Filipino", Some("ph")),
            ("Burkinabe", Some("bf")),
            ("Ivorian", Some("ci")),
            ("Congolese", Some("cd")),
            ("Dominican", Some("do")),
            ("Nigerien", Some("ne")),
            ("Nigerian", Some("ng")),
            ("South Sudanese", Some("ss")),
            ("Sudanese", Some("sd")),
            ("Kosovar", Some("xk")),
            ("Soviet", Some("suhh")),
            ("Uzbek", Some("uz")),
            ("Montenegrin", Some("me")),
            ("Swiss", Some("ch")),
            ("Dutch", Some("nl")),
        ]);
    }

    #[test]
    fn other_languages() {
        check(&[
            ("Россия", Some("ru")),
            ("РОССИЯ", Some("ru")),
            ("Российская Федерация", Some("ru")),
            ("Україна", Some("ua")),
            ("Украина", Some("ua")),
            ("Беларусь", Some("by")),
            ("Deutschland", Some("de")),
            ("España", Some("es")),
            ("Federación de Rusia", Some("ru")),
            ("México", Some("mx")),
            ("Österreich", Some("at")),
        ]);
    }

    #[test]
    fn folding() {
        check(&[
            ("  russia  ", Some("ru")),
            ("RUSSIA", Some("ru")),
            ("(Russia)", Some("ru")),
            ("Russia.", Some("ru")),
            ("\"Russia\";", Some("ru")),
            ("The Netherlands", Some("nl")),
            ("THE  UNITED   STATES", Some("us")),
            ("C\u{302}ote d'Ivoire", Some("ci")),
            ("Korea (North)", Some("kp")),
            ("U.S.A.", Some("us")),
            ("U.A.E.", Some("ae")),
        ]);
    }

    #[test]
    fn hedged_and_labelled_values() {
        check(&[
            ("possibly Palestinian", Some("ps")),
            ("allegedly Russian", Some("ru")),
            ("Pakistani (presumed)", Some("pk")),
            ("Sudanese by birth", Some("sd")),
            ("Italian since 1990", Some("it")),
            ("Indonesian (as at December 2003)", Some("id")),
            ("(a) Egypt", Some("eg")),
            ("assumed Congolese (DRC)", Some("cd")),
            ("former Soviet Union", Some("suhh")),
            ("(a) Russian, (b) USSR (until 1991)", None),
            ("Ukrainian, Russian", None),
            ("Russian and Ukrainian", None),
            ("Gaza Strip, West Bank, Southern Lebanon", None),
            ("Moscow, Russia", None),
            ("New Mexico", None),
            ("Netherlands Antilles", None),
            ("Virgin Islands", None),
            ("None Identified", None),
            ("undetermined", None),
            ("na", Some("na")),
        ]);
    }

    #[test]
    fn ambiguous_short_names() {
        check(&[
            ("Niger", Some("ne")),
            ("Nigeria", Some("ng")),
            ("Guinea", Some("gn")),
            ("Equatorial Guinea", Some("gq")),
            ("Papua New Guinea", Some("pg")),
            ("Dominica", Some("dm")),
            ("Dominican Republic", Some("do")),
            ("Sudan", Some("sd")),
            ("the Sudan", Some("sd")),
            ("South Sudan", Some("ss")),
            ("Georgia", Some("ge")),
            ("South Georgia", Some("gs")),
            ("Korea", None),
            ("Korean", None),
            ("Samoa", Some("ws")),
            ("American Samoa", Some("as")),
            ("Ireland", Some("ie")),
            ("Northern Ireland", Some("gb")),
        ]);
    }

    /// The most frequent country values of the bundled lists (OFAC SDN
    /// remarks and addresses, UN nationality and country elements, EU OJ
    /// nationality column, CSL citizenships, Wikidata leaders).
    #[test]
    fn real_list_values() {
        let values = [
            // OFAC SDN remarks and add.csv country column.
            ("Russia", "ru"),
            ("Iran", "ir"),
            ("Syria", "sy"),
            ("Mexico", "mx"),
            ("Iraq", "iq"),
            ("Lebanon", "lb"),
            ("Belarus", "by"),
            ("Korea, North", "kp"),
            ("China", "cn"),
            ("Ukraine", "ua"),
            ("Burma", "mm"),
            ("Pakistan", "pk"),
            ("Somalia", "so"),
            ("Colombia", "co"),
            ("Turkey", "tr"),
            ("Saudi Arabia", "sa"),
            ("Nicaragua", "ni"),
            ("Palestinian", "ps"),
            ("possibly Palestinian", "ps"),
            ("Region: Gaza", "ps"),
            ("Region: Northern Gaza", "ps"),
            ("Region: North Gaza", "ps"),
            ("Region: West Bank", "ps"),
            ("Region: Crimea", "ua-cri"),
            ("United Arab Emirates", "ae"),
            ("United Kingdom", "gb"),
            ("Venezuela", "ve"),
            ("Congo, Democratic Republic of the", "cd"),
            ("Congo, Republic of the", "cg"),
            ("Bosnia and Herzegovina", "ba"),
            ("North Macedonia, The Republic of", "mk"),
            ("Virgin Islands, British", "vg"),
            ("Man, Isle of", "im"),
            ("Cote d Ivoire", "ci"),
            ("Bahamas, The", "bs"),
            ("The Gambia", "gm"),
            ("Korea, South", "kr"),
            ("Cabo Verde", "cv"),
            ("Hong Kong", "hk"),
            ("Macau", "mo"),
            ("Laos", "la"),
            ("Vietnam", "vn"),
            ("Kosovo", "xk"),
            ("Czech Republic", "cz"),
            ("St. Kitts & Nevis", "kn"),
            ("St. Vincent and the Grenadines", "vc"),
            // UN consolidated list.
            ("Democratic People's Republic of Korea", "kp"),
            ("Syrian Arab Republic", "sy"),
            ("Iran (Islamic Republic of)", "ir"),
            ("Democratic Republic of the Congo", "cd"),
            ("United Kingdom of Great Britain and Northern Ireland", "gb"),
            ("United States of America", "us"),
            ("Russian Federation", "ru"),
            ("United Republic of Tanzania", "tz"),
            ("Türkiye", "tr"),
            ("State of Palestine", "ps"),
            ("Viet Nam", "vn"),
            ("China, Hong Kong Special Administrative Region", "hk"),
            ("British Virgin Islands", "vg"),
            ("former Soviet Union", "suhh"),
            // EU OJ nationality column.
            ("Russian", "ru"),
            ("Iranian", "ir"),
            ("Belarusian", "by"),
            ("Afghan", "af"),
            ("DPRK", "kp"),
            ("Myanmar/Burma", "mm"),
            ("Syrian", "sy"),
            ("Tunisian", "tn"),
            ("Ukrainian", "ua"),
            ("Iraqi", "iq"),
            ("Republic of Moldova", "md"),
            ("Algerian", "dz"),
            ("Indonesian", "id"),
            ("Venezuelan", "ve"),
            ("Nicaraguan", "ni"),
            ("Filipino", "ph"),
            ("Israeli", "il"),
            ("Haitian", "ht"),
            ("Pakistani", "pk"),
            ("Sudanese", "sd"),
            ("Egyptian", "eg"),
            ("Chinese", "cn"),
            ("British", "gb"),
            ("French", "fr"),
            ("DRC", "cd"),
            ("Saudi Arabian", "sa"),
            ("Guatemalan", "gt"),
            ("Libyan", "ly"),
            ("Kuwaiti", "kw"),
            ("Malian", "ml"),
            ("Congolese", "cd"),
            ("Belarussian", "by"),
            ("Rwandan", "rw"),
            ("Jordanian", "jo"),
            ("Yemeni", "ye"),
            ("Moroccan", "ma"),
            ("Turkish", "tr"),
            ("Canadian", "ca"),
            ("South Sudanese", "ss"),
            ("North Korean", "kp"),
            ("Lebanese", "lb"),
            ("DPRK.", "kp"),
            ("Qatari", "qa"),
            ("Democratic People’s Republic of Korea (DPRK)", "kp"),
            ("Azerbaijani", "az"),
            ("Mauritanian", "mr"),
            ("German", "de"),
            ("Moldovan", "md"),
            ("allegedly Russian", "ru"),
            ("assumed Congolese (DRC)", "cd"),
            ("Italian since 1990", "it"),
            ("Georgian", "ge"),
            ("Somali", "so"),
            ("of the Republic of Moldova", "md"),
            ("Pakistani (presumed)", "pk"),
            ("Possibly Ethiopian", "et"),
            ("Burkinabe", "bf"),
            ("Ivorian", "ci"),
            ("Uzbek", "uz"),
            ("Sudanese by birth", "sd"),
            ("Indonesian (as at December 2003)", "id"),
            ("Afgan", "af"),
            // CSL vessel flags and Wikidata.
            ("St. Kitts and Nevis", "kn"),
            ("Cape Verde", "cv"),
            ("Vatican City", "va"),
            ("East Timor", "tl"),
            ("Eswatini", "sz"),
            ("Ivory Coast", "ci"),
            ("Kingdom of Denmark", "dk"),
            ("Kingdom of the Netherlands", "nl"),
            ("People's Republic of China", "cn"),
            ("Republic of Abkhazia", "ge-ab"),
            ("Republic of Ireland", "ie"),
            ("Republic of the Congo", "cg"),
            ("Sahrawi Arab Democratic Republic", "eh"),
            ("São Tomé and Príncipe", "st"),
            ("South Ossetia", "ge-os"),
            ("Transnistria", "md-pmr"),
            ("Federated States of Micronesia", "fm"),
            ("The Bahamas", "bs"),
        ];
        let cases: Vec<_> = values.iter().map(|&(v, c)| (v, Some(c))).collect();
        check(&cases);
    }

    #[test]
    fn countries_in_longer_text() {
        check_text(&[
            ("Leningrad (now Saint-Petersburg), ex-USSR (now Russian Federation)", &["suhh", "ru"]),
            ("Tehran, Iran", &["ir"]),
            ("Moscow, Russia", &["ru"]),
            ("Niamey, Niger", &["ne"]),
            ("Lagos, Nigeria", &["ng"]),
            ("Port Moresby, Papua New Guinea", &["pg"]),
            ("Malabo, Equatorial Guinea", &["gq"]),
            ("Conakry, Guinea", &["gn"]),
            ("Bissau, Guinea-Bissau", &["gw"]),
            ("Roseau, Dominica", &["dm"]),
            ("Santo Domingo, Dominican Republic", &["do"]),
            ("Tbilisi, Georgia", &["ge"]),
            ("Sukhumi, Abkhazia, Georgia", &["ge-ab", "ge"]),
            ("Savnik, Serbia and Montenegro", &["csxx"]),
            ("Juba, South Sudan", &["ss"]),
            ("Khartoum, Sudan", &["sd"]),
            ("Kinshasa, Democratic Republic of the Congo", &["cd"]),
            ("Brazzaville, Congo", &["cg"]),
            ("Pyongyang, Korea, North", &["kp"]),
            ("Bloomington, Indiana USA", &["us"]),
            ("Iranian and US", &["ir", "us"]),
            ("let us see", &[]),
            ("Albuquerque, New Mexico", &[]),
            ("Newark, New Jersey", &[]),
            ("Sydney, New South Wales, Australia", &["au"]),
            ("Vancouver, British Columbia, Canada", &["ca"]),
            ("Ukrainian, Russian", &["ua", "ru"]),
            (
                "Ukrainian, Russian (the Union does not recognise passports issued by the Russian Federation in Crimea)",
                &["ua", "ru", "ua-cri"],
            ),
            ("Gaza Strip, West Bank, Southern Lebanon", &["ps", "lb"]),
            ("(a) Russian, (b) USSR (until 1991)", &["ru", "suhh"]),
            ("Saudi citizenship withdrawn, Afghan nationality given by the Taliban regime", &["sa", "af"]),
            ("Simferopol, Crimea, Ukraine", &["ua-cri", "ua"]),
            ("Mumbai (Bombay), India", &["in"]),
            ("Sarab, East Azerbaijan, Iran", &["ir"]),
            ("Benee Brak, Mandatory Palestine (now Israel)", &["il"]),
            ("Tulay, Jolo Sulu, Phillippines", &["ph"]),
            ("Armenia, Quindio, Colombia", &["am", "co"]),
            ("Kyrenia, Turkish Republic of Northern Cyprus", &[]),
            ("Willemstad, Curaçao, Netherlands Antilles", &["cw"]),
            ("Russia's war in Ukraine", &["ru", "ua"]),
            ("", &[]),
        ]);
    }

    #[test]
    fn names_and_codes_round_trip() {
        for &(code, alpha3, name, _) in COUNTRIES {
            assert!(is_code(code), "{code}");
            assert_eq!(country_code(code), Some(code), "{code}");
            assert_eq!(country_code(&code.to_uppercase()), Some(code), "{code}");
            assert_eq!(country_name(code), Some(name), "{code}");
            assert_eq!(country_code(name), Some(code), "{name}");
            assert_eq!(countries_in_text(name), [code], "{name}");
            if !alpha3.is_empty() {
                assert_eq!(country_code(alpha3), Some(code), "{alpha3}");
            }
        }
        assert_eq!(country_name("RU"), Some("Russia"));
        assert_eq!(country_name("zz"), None);
        assert!(!is_code("RU"));
        assert!(!is_code("zz"));
        assert!(!is_code(""));
    }

    proptest! {
        #[test]
        fn never_panics(text in any::<String>()) {
            if let Some(code) = country_code(&text) {
                prop_assert!(is_code(code));
            }
            for code in countries_in_text(&text) {
                prop_assert!(is_code(code));
            }
            let _ = country_name(&text);
            let _ = is_code(&text);
        }

        #[test]
        fn code_maps_to_itself(i in 0..COUNTRIES.len()) {
            let code = COUNTRIES[i].0;
            prop_assert_eq!(country_code(code), Some(code));
        }

        #[test]
        fn name_maps_to_its_code(i in 0..COUNTRIES.len()) {
            let code = COUNTRIES[i].0;
            let name = country_name(code).unwrap();
            prop_assert_eq!(country_code(name), Some(code));
        }

        #[test]
        fn case_and_punctuation_do_not_matter(
            i in 0..COUNTRIES.len(),
            upper in proptest::collection::vec(any::<bool>(), 64),
            before in "[ \t\"'(.,;:-]{0,3}",
            after in "[ \t\"').,;:-]{0,3}",
        ) {
            let (code, _, name, aliases) = COUNTRIES[i];
            for text in std::iter::once(&name).chain(aliases) {
                let cased: String = text
                    .chars()
                    .zip(upper.iter().cycle())
                    .flat_map(|(c, &u)| {
                        let v: Vec<char> = if u { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
                        v
                    })
                    .collect();
                let input = format!("{before}{cased}{after}");
                prop_assert_eq!(country_code(&input), Some(code), "{:?}", input);
            }
        }

        #[test]
        fn text_finds_a_name_among_other_words(
            i in 0..COUNTRIES.len(),
            place in "[A-Z][a-z]{3,8}",
        ) {
            let (code, _, name, _) = COUNTRIES[i];
            prop_assume!(country_code(&place).is_none() && !is_filler(&place.to_lowercase()));
            let text = format!("{place}, {name}");
            prop_assert_eq!(countries_in_text(&text), vec![code]);
        }
    }
}
