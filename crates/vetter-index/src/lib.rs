//! The compiled index artifact: every entity of every list, parsed once,
//! written as one checksummed file that later runs memory-map instead of
//! re-parsing the lists.
//!
//! # File format (version [`FORMAT_VERSION`])
//!
//! ```text
//! [ payload: rkyv archive of IndexData ][ footer: 48 bytes ]
//! footer = magic "VETTERIX" | format version u32 LE | reserved u32
//!        | payload length u64 LE | xxh3-64 of payload u64 LE
//!        | data fingerprint u64 LE | reserved u64
//! ```
//!
//! The payload starts at offset 0 so that a page-aligned memory map is
//! aligned for rkyv. [`Index::open`] checks the magic, the version, the length
//! and the checksum, then validates the archive once; a corrupt or foreign
//! file is an [`IndexError`], never a panic. [`write_atomic`] writes to a
//! temporary file in the target folder and renames it over the old one, so a
//! reader sees either the old artifact or the new one, never half of one.
//!
//! ```no_run
//! # fn main() -> Result<(), vetter_index::IndexError> {
//! let index = vetter_index::Index::open(std::path::Path::new("lists.vtx"))?;
//! println!("{} entities", index.data().entities.len());
//! # Ok(()) }
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};

use vetter_model::{Entity, Schema};

/// The version of the artifact layout; bump it whenever [`IndexData`] or the footer changes.
pub const FORMAT_VERSION: u32 = 2;
const MAGIC: &[u8; 8] = b"VETTERIX";
const FOOTER_LEN: usize = 48;

/// Errors opening or writing an artifact.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// Reading or writing the file failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The file is not a vetter index.
    #[error("`{path}` is not a vetter index: {message}")]
    NotAnIndex {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The file was written by another version of vetter.
    #[error("`{path}` has index format version {found}, this vetter reads version {expected}")]
    Version {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The file is damaged.
    #[error("`{path}` is corrupt: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What check failed.
        message: String,
    },
}

/// Everything the artifact holds.
#[derive(Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct IndexData {
    /// The fingerprint of the data folder the artifact was built from.
    pub data_fingerprint: u64,
    /// Per dataset: counts and snapshot.
    pub datasets: Vec<DatasetInfo>,
    /// The canonical (merged) entities, sorted by id.
    pub entities: Vec<Entity>,
    /// Every source record, sorted by `id`: the basis of `lists diff` and of id lookup.
    pub records: Vec<RecordInfo>,
    /// Why records were merged, grouped by entity index.
    pub merges: Vec<MergeInfo>,
    /// Candidate retrieval: name keys to the entities whose names have them.
    pub postings: Postings,
}

/// An inverted index from name keys (a word, its phonetic key, its consonant
/// skeleton, each with a one-letter tag) to entity indices.
///
/// `terms` is sorted; the entities of `terms[i]` are
/// `entities[offsets[i]..offsets[i + 1]]`, sorted and unique.
#[derive(Debug, Default, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Postings {
    /// The keys, sorted.
    pub terms: Vec<String>,
    /// Start of each key's entities in `entities`, plus the end.
    pub offsets: Vec<u32>,
    /// Entity indices.
    pub entities: Vec<u32>,
}

impl Postings {
    /// Builds postings from (key, entity) pairs in any order.
    pub fn build(mut pairs: Vec<(String, u32)>) -> Postings {
        pairs.sort_unstable();
        pairs.dedup();
        let mut out = Postings::default();
        for (term, entity) in pairs {
            if out.terms.last() != Some(&term) {
                out.offsets.push(out.entities.len() as u32);
                out.terms.push(term);
            }
            out.entities.push(entity);
        }
        out.offsets.push(out.entities.len() as u32);
        out
    }
}

impl ArchivedPostings {
    /// The entities of a key, empty when the key is unknown.
    pub fn get(&self, term: &str) -> &[rkyv::rend::u32_le] {
        match self.terms.binary_search_by(|t| t.as_str().cmp(term)) {
            Ok(i) => {
                let (from, to) = (self.offsets[i].to_native() as usize, self.offsets[i + 1].to_native() as usize);
                self.entities.get(from..to).unwrap_or(&[])
            }
            Err(_) => &[],
        }
    }
}

/// Counts for one dataset.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct DatasetInfo {
    /// Dataset id.
    pub dataset: String,
    /// Snapshot date.
    pub snapshot: String,
    /// Files read, relative to the data folder.
    pub files: Vec<String>,
    /// Records read.
    pub records_seen: u64,
    /// Entities the dataset's records made (before merging across lists).
    pub entities: u64,
    /// Full names (name, alias, weak alias, previous name) of those entities.
    pub names: u64,
    /// Entities per schema.
    pub schemas: Vec<(Schema, u64)>,
}

/// One source entity: what one dataset says about one entity.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct RecordInfo {
    /// The source entity id (`us_ofac_sdn-35096`).
    pub id: String,
    /// Its dataset.
    pub dataset: String,
    /// Its caption.
    pub caption: String,
    /// Index of the canonical entity it was merged into.
    pub entity: u32,
    /// A hash of its content (schema and properties, not the snapshot date), to detect changes.
    pub content_hash: u64,
}

/// One merge decision.
#[derive(Debug, Clone, PartialEq, Eq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct MergeInfo {
    /// Index of the canonical entity.
    pub entity: u32,
    /// One source entity id.
    pub left: String,
    /// The other source entity id.
    pub right: String,
    /// The rule that fired (`same_as`, `wikidata_id`, `identifier`, `name_birth_date_country`, `name_regime_country`).
    pub rule: String,
    /// The evidence (`IMO 9253325`, `Q7747`...).
    pub evidence: String,
}

/// An open, validated, memory-mapped artifact.
pub struct Index {
    map: memmap2::Mmap,
    payload_len: usize,
    fingerprint: u64,
    path: PathBuf,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).field("bytes", &self.payload_len).finish()
    }
}

/// What the footer of an artifact says, read without validating the payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Footer {
    /// Format version.
    pub version: u32,
    /// Payload length.
    pub payload_len: u64,
    /// Payload checksum.
    pub checksum: u64,
    /// Data folder fingerprint.
    pub data_fingerprint: u64,
}

fn read_footer(path: &Path, bytes: &[u8]) -> Result<Footer, IndexError> {
    let not_index = |message: &str| IndexError::NotAnIndex { path: path.to_owned(), message: message.to_owned() };
    if bytes.len() < FOOTER_LEN {
        return Err(not_index("file too short"));
    }
    let footer = &bytes[bytes.len() - FOOTER_LEN..];
    if &footer[..8] != MAGIC {
        return Err(not_index("bad magic bytes"));
    }
    let u32_at = |o: usize| u32::from_le_bytes(footer[o..o + 4].try_into().expect("4 bytes"));
    let u64_at = |o: usize| u64::from_le_bytes(footer[o..o + 8].try_into().expect("8 bytes"));
    Ok(Footer { version: u32_at(8), payload_len: u64_at(16), checksum: u64_at(24), data_fingerprint: u64_at(32) })
}

/// Reads only the footer of an artifact (cheap): used to decide whether it is stale.
pub fn peek_footer(path: &Path) -> Result<Footer, IndexError> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = fs_err::File::open(path)?;
    let len = file.metadata()?.len();
    if len < FOOTER_LEN as u64 {
        return Err(IndexError::NotAnIndex { path: path.to_owned(), message: "file too short".into() });
    }
    file.seek(SeekFrom::End(-(FOOTER_LEN as i64)))?;
    let mut buf = [0u8; FOOTER_LEN];
    file.read_exact(&mut buf)?;
    read_footer(path, &buf)
}

impl Index {
    /// Opens and validates an artifact.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        let file = fs_err::File::open(path)?;
        // SAFETY: the artifact is only ever replaced by rename (see `write_atomic`),
        // never modified in place, so the mapped bytes do not change under us.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(file.file())? };
        let footer = read_footer(path, &map)?;
        if footer.version != FORMAT_VERSION {
            return Err(IndexError::Version { path: path.to_owned(), found: footer.version, expected: FORMAT_VERSION });
        }
        let corrupt = |message: String| IndexError::Corrupt { path: path.to_owned(), message };
        let payload_len =
            usize::try_from(footer.payload_len).map_err(|_| corrupt("payload length overflows".into()))?;
        // `checked_add`: a length near `usize::MAX` is corrupt, not an overflow.
        if payload_len.checked_add(FOOTER_LEN) != Some(map.len()) {
            return Err(corrupt(format!(
                "footer says {payload_len} payload bytes, file has {}",
                map.len().saturating_sub(FOOTER_LEN)
            )));
        }
        let payload = &map[..payload_len];
        let checksum = xxhash_rust::xxh3::xxh3_64(payload);
        if checksum != footer.checksum {
            return Err(corrupt(format!("checksum {checksum:016x} does not match footer {:016x}", footer.checksum)));
        }
        rkyv::access::<ArchivedIndexData, rkyv::rancor::Error>(payload)
            .map_err(|e| corrupt(format!("archive does not validate: {e}")))?;
        Ok(Index { map, payload_len, fingerprint: footer.data_fingerprint, path: path.to_owned() })
    }

    /// The archived data, zero-copy.
    pub fn data(&self) -> &ArchivedIndexData {
        // SAFETY: `open` validated exactly these bytes with `rkyv::access`, and the
        // map is immutable for the life of `self`.
        #[allow(unsafe_code)]
        unsafe {
            rkyv::access_unchecked::<ArchivedIndexData>(&self.map[..self.payload_len])
        }
    }

    /// The fingerprint of the data folder the artifact was built from.
    pub fn data_fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The artifact's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The artifact's size in bytes.
    pub fn size(&self) -> usize {
        self.map.len()
    }

    /// An owned copy of the canonical entity at `index`.
    pub fn entity(&self, index: u32) -> Option<Entity> {
        let archived = self.data().entities.get(index as usize)?;
        rkyv::deserialize::<Entity, rkyv::rancor::Error>(archived).ok()
    }

    /// An owned copy of the per-dataset counts.
    pub fn datasets(&self) -> Vec<DatasetInfo> {
        self.data()
            .datasets
            .iter()
            .filter_map(|d| rkyv::deserialize::<DatasetInfo, rkyv::rancor::Error>(d).ok())
            .collect()
    }

    /// The canonical entity index for an entity id or any source entity id merged into it.
    pub fn lookup(&self, id: &str) -> Option<u32> {
        let data = self.data();
        if let Ok(i) = data.entities.binary_search_by(|e| e.id.as_str().cmp(id)) {
            return Some(i as u32);
        }
        data.records.binary_search_by(|r| r.id.as_str().cmp(id)).ok().map(|i| data.records[i].entity.to_native())
    }
}

/// Serialises `data` and writes it to `path` atomically (temporary file, fsync, rename).
pub fn write_atomic(path: &Path, data: &IndexData) -> Result<(), IndexError> {
    let payload = rkyv::to_bytes::<rkyv::rancor::Error>(data)
        .map_err(|e| IndexError::Io(std::io::Error::other(format!("serialising the index: {e}"))))?;
    let mut footer = Vec::with_capacity(FOOTER_LEN);
    footer.extend_from_slice(MAGIC);
    footer.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    footer.extend_from_slice(&0u32.to_le_bytes());
    footer.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    footer.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
    footer.extend_from_slice(&data.data_fingerprint.to_le_bytes());
    footer.extend_from_slice(&0u64.to_le_bytes());
    debug_assert_eq!(footer.len(), FOOTER_LEN);

    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs_err::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".vetter-index-").tempfile_in(dir)?;
    tmp.write_all(&payload)?;
    tmp.write_all(&footer)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| IndexError::Io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    //! 1. An artifact round-trips.
    //! 2. Truncation, a flipped byte, a foreign file and a newer version are errors, not panics.
    use super::*;
    use vetter_model::Prop;

    fn sample() -> IndexData {
        let mut e = Entity::new("x-1", Schema::Person);
        e.add(Prop::Name, "Test Person");
        IndexData {
            data_fingerprint: 42,
            entities: vec![e],
            records: vec![RecordInfo {
                id: "x-1".into(),
                dataset: "x".into(),
                caption: "Test Person".into(),
                entity: 0,
                content_hash: 7,
            }],
            ..IndexData::default()
        }
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vtx");
        write_atomic(&path, &sample()).unwrap();
        let index = Index::open(&path).unwrap();
        assert_eq!(index.data_fingerprint(), 42);
        assert_eq!(peek_footer(&path).unwrap().data_fingerprint, 42);
        assert_eq!(index.entity(0).unwrap().get(Prop::Name), ["Test Person"]);
        assert_eq!(index.lookup("x-1"), Some(0));
        assert_eq!(index.lookup("nope"), None);
    }

    #[test]
    fn damage_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vtx");
        write_atomic(&path, &sample()).unwrap();
        let good = std::fs::read(&path).unwrap();

        let mut flipped = good.clone();
        flipped[3] ^= 0xff;
        std::fs::write(&path, &flipped).unwrap();
        assert!(matches!(Index::open(&path), Err(IndexError::Corrupt { .. })));

        std::fs::write(&path, &good[..good.len() - 3]).unwrap();
        assert!(matches!(Index::open(&path), Err(IndexError::NotAnIndex { .. })));

        std::fs::write(&path, &good[10..]).unwrap();
        assert!(matches!(Index::open(&path), Err(IndexError::Corrupt { .. })));

        std::fs::write(&path, b"hello").unwrap();
        assert!(matches!(Index::open(&path), Err(IndexError::NotAnIndex { .. })));

        let mut newer = good.clone();
        let at = newer.len() - FOOTER_LEN + 8;
        newer[at] = 99;
        std::fs::write(&path, &newer).unwrap();
        assert!(matches!(Index::open(&path), Err(IndexError::Version { found: 99, .. })));
    }

    #[test]
    fn payload_length_that_overflows_is_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.vtx");
        write_atomic(&path, &sample()).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let at = bytes.len() - FOOTER_LEN + 16;
        // Lengths to which adding the footer length overflows.
        for len in [u64::MAX, u64::MAX - FOOTER_LEN as u64 + 1] {
            bytes[at..at + 8].copy_from_slice(&len.to_le_bytes());
            std::fs::write(&path, &bytes).unwrap();
            assert!(matches!(Index::open(&path), Err(IndexError::Corrupt { .. })), "length {len}");
        }
    }
}
