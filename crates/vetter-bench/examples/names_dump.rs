//! Writes what the name normaliser gives for every name in the bundled lists,
//! so that a change meant to be a pure speed-up can be checked to change nothing:
//!
//! ```sh
//! cargo run --release -p vetter-bench --example names_dump > /tmp/before.txt
//! # change the normaliser
//! cargo run --release -p vetter-bench --example names_dump > /tmp/after.txt
//! cmp /tmp/before.txt /tmp/after.txt
//! ```
//!
//! Each distinct name of the lists and of the matcher's evaluation pairs
//! (`data/eval/*.csv`) is normalised as every [`NameKind`] (the Debug form of
//! the whole `NameForm`), and its `fold`, `name_key` and `romanizations` are
//! written too.

// A command-line program: the dump goes to stdout.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeSet;
use std::io::{BufWriter, Write};
use vetter_bench::bundled_data;
use vetter_names::{NameKind, normalize};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args().nth(1).map_or_else(bundled_data, Into::into);
    let (sources, _) = vetter_sources::discover(&dir)?;
    let mut names = BTreeSet::new();
    for source in &sources {
        let parsed = vetter_sources::parse(source)?;
        for entity in &parsed.entities {
            names.extend(entity.names().map(|(_, n)| n.to_owned()));
        }
    }
    for file in ["generated.csv", "handwritten.csv"] {
        let mut reader = csv::Reader::from_path(bundled_data().join("../eval").join(file))?;
        for record in reader.records() {
            let record = record?;
            names.extend(record.iter().take(2).map(str::to_owned));
        }
    }
    eprintln!("{} distinct names", names.len());
    let mut out = BufWriter::new(std::io::stdout().lock());
    for name in &names {
        writeln!(out, "== {name:?}")?;
        for kind in [NameKind::Person, NameKind::Organization, NameKind::Vessel, NameKind::Any] {
            writeln!(out, "{:?}", normalize(name, kind))?;
        }
        writeln!(out, "fold {:?} key {:?}", vetter_names::fold(name), vetter_names::name_key(name))?;
        writeln!(out, "rom {:?}", vetter_names::romanizations(name))?;
    }
    out.flush()?;
    Ok(())
}
