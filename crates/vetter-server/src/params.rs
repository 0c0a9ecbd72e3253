//! Query-string parameters, read with repeated keys kept (`include_dataset=a&include_dataset=b`).

use crate::error::ApiError;

/// The parameters of one request's query string.
#[derive(Debug, Default, Clone)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw query string.
    pub fn parse(raw: Option<&str>) -> Params {
        Params(form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect())
    }

    /// The last non-empty value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim())
    }

    /// Every non-empty value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0.iter().filter(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| v.trim().to_owned()).collect()
    }

    /// A number in `[min, max]`, `default` when absent.
    pub fn number(&self, key: &str, default: f64, min: f64, max: f64) -> Result<f64, ApiError> {
        let Some(raw) = self.get(key) else { return Ok(default) };
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
            _ => Err(ApiError::BadRequest(format!(
                "parameter `{key}`: expected a number from {min} to {max}, got `{raw}`"
            ))),
        }
    }

    /// A whole number in `[min, max]`, `default` when absent.
    pub fn count(&self, key: &str, default: usize, min: usize, max: usize) -> Result<usize, ApiError> {
        let Some(raw) = self.get(key) else { return Ok(default) };
        match raw.parse::<usize>() {
            Ok(v) if (min..=max).contains(&v) => Ok(v),
            _ => Err(ApiError::BadRequest(format!(
                "parameter `{key}`: expected a whole number from {min} to {max}, got `{raw}`"
            ))),
        }
    }

    /// A true/false flag, `default` when absent.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, ApiError> {
        match self.get(key).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(default),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(other) => {
                Err(ApiError::BadRequest(format!("parameter `{key}`: expected true or false, got `{other}`")))
            }
        }
    }
}
