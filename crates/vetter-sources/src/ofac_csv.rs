//! Parser stub: to be written.

use crate::{DatasetSource, Parsed, SourceError};

/// Parses the SDN dataset.
pub fn parse_sdn(source: &DatasetSource) -> Result<Parsed, SourceError> {
    Ok(Parsed::new(source))
}

/// Parses the consolidated non-SDN dataset.
pub fn parse_cons(source: &DatasetSource) -> Result<Parsed, SourceError> {
    Ok(Parsed::new(source))
}
