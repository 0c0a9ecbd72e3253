//! Parser stub: to be written.

use crate::{DatasetSource, Parsed, SourceError};

/// Parses the dataset.
pub fn parse(source: &DatasetSource) -> Result<Parsed, SourceError> {
    Ok(Parsed::new(source))
}
