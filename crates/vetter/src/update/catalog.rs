//! Where each list is published: the built-in table of official URLs, the
//! `--config` file and `--url` overrides, and the file names each source folder accepts.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use vetter_sources::Format;

/// One list `vetter lists update` knows how to fetch.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The dataset id (`us_ofac_sdn`).
    pub dataset: String,
    /// The source folder under the data folder (`ofac_sdn`, `opensanctions/us_congress`).
    pub folder: String,
    /// The parser that verifies a download.
    pub format: Format,
    /// Local file name (relative to the snapshot folder) to URL, in name order.
    pub files: BTreeMap<String, String>,
    /// Why there is no built-in URL, for sources without one.
    pub no_url: Option<&'static str>,
}

/// A row of [`BUILT_IN`].
type BuiltIn = (&'static str, &'static str, Format, &'static [(&'static str, &'static str)], Option<&'static str>);

/// The built-in sources: dataset id, source folder, format, `(local file name, URL)`s, and, for a
/// source without an official URL, why.
///
/// Where the URLs come from (checked against the publishers' pages when this table was written;
/// this machine cannot reach them, so they are not exercised by the tests, which serve copies of
/// the bundled files on loopback):
/// - OFAC: "SDN List - Data Formats & Data Schemas" and "Consolidated Sanctions List (Non-SDN
///   Lists)" on ofac.treasury.gov; the files are served by the Sanctions List Service, and the
///   older `https://www.treasury.gov/ofac/downloads/<file>` addresses redirect there.
/// - UN Security Council: "United Nations Security Council Consolidated List" on
///   main.un.org/securitycouncil, which links the XML at scsanctions.un.org.
/// - UK: "UK sanctions list" on gov.uk (FCDO), which links the ODS, XML and CSV at docs.fcdo.gov.uk.
/// - trade.gov: "Consolidated Screening List" on trade.gov, "CSL downloadable files".
/// - OpenSanctions: each dataset page on opensanctions.org lists its exports under
///   `https://data.opensanctions.org/datasets/latest/<dataset>/`.
const BUILT_IN: &[BuiltIn] = &[
    (
        "us_ofac_sdn",
        "ofac_sdn",
        Format::OfacSdn,
        &[
            ("sdn.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"),
            ("alt.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV"),
            ("add.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"),
        ],
        None,
    ),
    (
        "us_ofac_cons",
        "ofac_consolidated_non_sdn",
        Format::OfacCons,
        &[
            (
                "cons_prim.csv",
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV",
            ),
            ("cons_alt.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV"),
            ("cons_add.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV"),
            (
                "cons_comments.csv",
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_COMMENTS.CSV",
            ),
        ],
        None,
    ),
    (
        "un_sc_sanctions",
        "un_sc",
        Format::UnXml,
        &[("consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml")],
        None,
    ),
    (
        "gb_fcdo_sanctions",
        "uk_fcdo_sanctions_list",
        Format::UkFcdoOds,
        &[("UK-Sanctions-List.ods", "https://docs.fcdo.gov.uk/docs/UK-Sanctions-List.ods")],
        None,
    ),
    (
        "us_trade_csl",
        "us_csl",
        Format::UsCsl,
        &[("consolidated.csv", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv")],
        None,
    ),
    (
        "ua_war_sanctions",
        "opensanctions/ua_war_sanctions",
        Format::OsTargetsCsv,
        &[("targets.simple.csv", "https://data.opensanctions.org/datasets/latest/ua_war_sanctions/targets.simple.csv")],
        None,
    ),
    (
        "interpol_red_notices",
        "opensanctions/interpol_red_notices",
        Format::OsTargetsCsv,
        &[(
            "targets.simple.csv",
            "https://data.opensanctions.org/datasets/latest/interpol_red_notices/targets.simple.csv",
        )],
        None,
    ),
    (
        "us_congress",
        "opensanctions/us_congress",
        Format::SenzingJson,
        &[("us_congress_senzing.json", "https://data.opensanctions.org/datasets/latest/us_congress/senzing.json")],
        None,
    ),
    (
        "eu_journal_sanctions",
        "eu_oj_sanctions_opensanctions",
        Format::EuJournalCsv,
        &[],
        Some(
            "the EU files are OpenSanctions' transcriptions of the Official Journal, one CSV per regulation, \
             with no single publication URL; configure each as `consolidated/<celex>.csv` or `amendments/<celex>.csv`",
        ),
    ),
    (
        "wd_peps",
        "wikidata_world_leaders",
        Format::WikidataLeaders,
        &[],
        Some(
            "the world leaders CSV is a scrape of a Wikidata query (every-politician-scrapers), \
             not an official publication; configure the URL of a copy you trust",
        ),
    ),
];

/// The built-in specs, one per known dataset.
pub fn built_in() -> Vec<Spec> {
    BUILT_IN
        .iter()
        .map(|(dataset, folder, format, files, no_url)| Spec {
            dataset: (*dataset).to_owned(),
            folder: (*folder).to_owned(),
            format: *format,
            files: files.iter().map(|(n, u)| ((*n).to_owned(), (*u).to_owned())).collect(),
            no_url: *no_url,
        })
        .collect()
}

/// The `--config` file: `{"sources": {"<dataset>": {"<file name>": "<url>", ...}}}`.
///
/// A dataset named in the file gets exactly the files listed there (its built-in files are
/// dropped), so a file can be left out or renamed.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    sources: BTreeMap<String, BTreeMap<String, String>>,
}

/// Applies the `--config` file at `path` to `specs`.
pub fn apply_config(specs: &mut [Spec], path: &Path) -> anyhow::Result<()> {
    let text = fs_err::read_to_string(path)?;
    let config: ConfigFile = serde_json::from_str(&text).with_context(|| {
        format!(
            "reading `{}`: expected JSON `{{\"sources\": {{\"<dataset>\": {{\"<file>\": \"<url>\"}}}}}}`",
            path.display()
        )
    })?;
    for (dataset, files) in config.sources {
        let spec = spec_mut(specs, &dataset).with_context(|| format!("in `{}`", path.display()))?;
        spec.files.clear();
        for (name, url) in files {
            check_entry(spec, &name, &url).with_context(|| format!("in `{}`, source `{dataset}`", path.display()))?;
            spec.files.insert(name, url);
        }
    }
    Ok(())
}

/// Applies one `--url DATASET/FILE=URL` to `specs`: adds the file or replaces its URL.
pub fn apply_url(specs: &mut [Spec], arg: &str) -> anyhow::Result<()> {
    let usage = || format!("`--url {arg}`: expected `DATASET/FILE=URL`, for example `us_ofac_sdn/sdn.csv=https://...`");
    let (target, url) = arg.split_once('=').with_context(usage)?;
    let (dataset, name) = target.split_once('/').with_context(usage)?;
    let spec = spec_mut(specs, dataset).with_context(|| format!("`--url {arg}`"))?;
    check_entry(spec, name, url).with_context(|| format!("`--url {arg}`"))?;
    spec.files.insert(name.to_owned(), url.to_owned());
    Ok(())
}

/// The spec of `dataset`, or an error listing the known ids.
fn spec_mut<'a>(specs: &'a mut [Spec], dataset: &str) -> anyhow::Result<&'a mut Spec> {
    if let Some(at) = specs.iter().position(|s| s.dataset == dataset) {
        return Ok(&mut specs[at]);
    }
    let known: Vec<&str> = specs.iter().map(|s| s.dataset.as_str()).collect();
    bail!("unknown dataset `{dataset}`\nhint: the datasets are {}", known.join(", "))
}

/// Checks a file name and URL for a spec: a plain relative name the source folder's discovery
/// accepts, and an `http`/`https` URL.
fn check_entry(spec: &Spec, name: &str, url: &str) -> anyhow::Result<()> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        bail!("the URL `{url}` is not http or https");
    }
    let parts: Vec<&str> = name.split('/').collect();
    if name.is_empty()
        || parts.iter().any(|p| p.is_empty() || p.starts_with('.') || p.contains('\\'))
        || (parts.len() > 1 && spec.format != Format::EuJournalCsv)
        || parts.len() > 2
    {
        bail!("`{name}` is not a plain file name (no `/` except `consolidated/` or `amendments/` for the EU files)");
    }
    if !accepts(spec.format, name) {
        bail!("`{name}` is not a file name the `{}` folder is read from\nhint: {}", spec.folder, expected(spec.format));
    }
    Ok(())
}

/// Whether discovery (`vetter_sources::discover`) reads a file of this name in a snapshot folder
/// of this format; kept in step with it, and checked again after every swap.
pub fn accepts(format: Format, name: &str) -> bool {
    match format {
        Format::OfacSdn => matches!(name, "sdn.csv" | "alt.csv" | "add.csv"),
        Format::OfacCons => name.starts_with("cons_") && name.ends_with(".csv"),
        Format::UnXml => name.ends_with(".xml"),
        Format::EuJournalCsv => {
            (name.starts_with("consolidated/") || name.starts_with("amendments/")) && name.ends_with(".csv")
        }
        Format::UkFcdoOds => name.ends_with(".ods"),
        Format::UsCsl => name.ends_with(".csv") || name.ends_with(".csv.gz"),
        Format::WikidataLeaders => name.ends_with(".csv"),
        Format::OsTargetsCsv => name == "targets.simple.csv",
        Format::SenzingJson => name.contains("senzing") && name.ends_with(".json"),
        Format::FtmJson => name.ends_with(".json") || name.ends_with(".jsonl"),
        _ => false,
    }
}

fn expected(format: Format) -> &'static str {
    match format {
        Format::OfacSdn => "`sdn.csv`, `alt.csv` or `add.csv`",
        Format::OfacCons => "`cons_*.csv`",
        Format::UnXml => "a `.xml` file",
        Format::EuJournalCsv => "`consolidated/*.csv` or `amendments/*.csv`",
        Format::UkFcdoOds => "a `.ods` file",
        Format::UsCsl => "a `.csv` or `.csv.gz` file",
        Format::WikidataLeaders => "a `.csv` file",
        Format::OsTargetsCsv => "`targets.simple.csv`",
        Format::SenzingJson => "a `.json` file whose name contains `senzing`",
        Format::FtmJson => "a `.json` or `.jsonl` file",
        _ => "a known list file",
    }
}

#[cfg(test)]
mod tests {
    //! 1. Every built-in file name is one discovery reads, and every built-in URL is https.
    //! 2. `--url` adds or replaces one file; bad shapes, unknown datasets, names discovery
    //!    would not read and non-http URLs are refused with the argument named.

    use super::*;

    #[test]
    fn built_in_entries_are_valid() {
        for spec in built_in() {
            assert!(spec.files.is_empty() == spec.no_url.is_some(), "{}", spec.dataset);
            for (name, url) in &spec.files {
                assert!(url.starts_with("https://"), "{url}");
                check_entry(&spec, name, url).unwrap();
            }
        }
    }

    fn check_url(arg: &str, expect_err: Option<&str>) {
        let mut specs = built_in();
        match (apply_url(&mut specs, arg), expect_err) {
            (Ok(()), None) => {}
            (Err(e), Some(want)) => assert!(format!("{e:#}").contains(want), "{arg}: {e:#}"),
            (r, want) => panic!("{arg}: got {r:?}, wanted error {want:?}"),
        }
    }

    #[test]
    fn url_overrides() {
        check_url("us_ofac_sdn/sdn.csv=http://127.0.0.1:1/sdn.csv", None);
        check_url("wd_peps/wikidata.csv=https://example.org/w.csv", None);
        check_url("eu_journal_sanctions/consolidated/32014R0269.csv=https://example.org/a.csv", None);
        check_url("us_ofac_sdn/sdn.csv", Some("expected `DATASET/FILE=URL`"));
        check_url("nope/sdn.csv=https://x", Some("unknown dataset `nope`"));
        check_url("us_ofac_sdn/sdn.xml=https://x", Some("not a file name the `ofac_sdn` folder is read from"));
        check_url("us_ofac_sdn/sdn.csv=ftp://x", Some("not http or https"));
        check_url("un_sc_sanctions/../x.xml=https://x", Some("not a plain file name"));
        check_url("un_sc_sanctions/.hidden.xml=https://x", Some("not a plain file name"));
    }

    #[test]
    fn url_replaces_one_file() {
        let mut specs = built_in();
        apply_url(&mut specs, "us_ofac_sdn/sdn.csv=http://127.0.0.1:9/sdn.csv").unwrap();
        let sdn = specs.iter().find(|s| s.dataset == "us_ofac_sdn").unwrap();
        assert_eq!(sdn.files["sdn.csv"], "http://127.0.0.1:9/sdn.csv");
        assert_eq!(sdn.files.len(), 3);
    }
}
