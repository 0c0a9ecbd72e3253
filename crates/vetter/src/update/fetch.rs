//! Downloading one list file into a staging folder: streamed to disk with a size limit and
//! timeouts, hashed on the way, conditional on the ETag or Last-Modified of the last download,
//! retried on connection errors and 5xx answers.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use sha2::{Digest, Sha256};

/// Download limits and retries.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Time allowed for one attempt at one file, connection to last byte.
    pub timeout: Duration,
    /// Further attempts after a connection error or a 5xx answer.
    pub retries: u32,
}

/// What the last download of a file said about it, for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    /// The `ETag` answered.
    pub etag: Option<String>,
    /// The `Last-Modified` answered.
    pub last_modified: Option<String>,
}

/// The result of fetching one file.
#[derive(Debug)]
pub enum Fetched {
    /// A body was written to the destination.
    Body {
        /// Its size.
        bytes: u64,
        /// Its sha256, lower-case hex.
        sha256: String,
        /// The validators to send next time.
        validators: Validators,
    },
    /// 304: the file did not change since the download the validators came from.
    NotModified,
}

/// An HTTP client for list downloads.
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
}

impl Client {
    /// A client with these limits.
    pub fn new(limits: Limits) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .timeout_connect(Some(Duration::from_secs(30).min(limits.timeout)))
            .http_status_as_error(false)
            .user_agent(concat!("vetter/", env!("CARGO_PKG_VERSION"), " (lists update)"))
            .build()
            .into();
        Client { agent, limits }
    }

    /// Fetches `url` into `dest` (created or truncated), retrying transient failures.
    pub fn fetch(&self, url: &str, dest: &Path, validators: Option<&Validators>) -> anyhow::Result<Fetched> {
        let mut attempt = 0;
        loop {
            match self.fetch_once(url, dest, validators) {
                Ok(f) => return Ok(f),
                Err(Failure::Permanent(e)) => return Err(e),
                Err(Failure::Transient(e)) if attempt >= self.limits.retries => {
                    return Err(e.context(format!("after {} attempt(s)", attempt + 1)));
                }
                Err(Failure::Transient(_)) => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_secs(u64::from(attempt)));
                }
            }
        }
    }

    fn fetch_once(&self, url: &str, dest: &Path, validators: Option<&Validators>) -> Result<Fetched, Failure> {
        let mut request = self.agent.get(url);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let response =
            request.call().map_err(|e| transient(anyhow::Error::new(e).context(format!("fetching {url}"))))?;
        let status = response.status().as_u16();
        match status {
            200 => {}
            304 if validators.is_some() => return Ok(Fetched::NotModified),
            500..=599 | 408 | 429 => {
                return Err(transient(anyhow::anyhow!("HTTP {status} from {url}")));
            }
            _ => return Err(Failure::Permanent(anyhow::anyhow!("HTTP {status} from {url}"))),
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let declared: Option<u64> = header("content-length").and_then(|v| v.parse().ok());
        if let Some(n) = declared
            && n > self.limits.max_bytes
        {
            return Err(Failure::Permanent(anyhow::anyhow!(
                "{url} is {n} bytes, more than the {} allowed (`--max-bytes`)",
                self.limits.max_bytes
            )));
        }
        let (bytes, sha256) = self.stream(response.into_body(), url, dest)?;
        if let Some(n) = declared
            && n != bytes
        {
            return Err(transient(anyhow::anyhow!("{url} announced {n} bytes and sent {bytes}")));
        }
        Ok(Fetched::Body { bytes, sha256, validators })
    }

    /// Streams the body to `dest`, hashing it, and flushes it to disk.
    fn stream(&self, body: ureq::Body, url: &str, dest: &Path) -> Result<(u64, String), Failure> {
        let max = self.limits.max_bytes;
        let mut reader = body.into_with_config().limit(max).reader();
        let file = fs_err::File::create(dest).map_err(|e| Failure::Permanent(e.into()))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0u64;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e)
                    if e.get_ref()
                        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
                        .is_some_and(|u| matches!(u, ureq::Error::BodyExceedsLimit(_))) =>
                {
                    return Err(Failure::Permanent(anyhow::anyhow!(
                        "{url} is larger than the {max} bytes allowed (`--max-bytes`)"
                    )));
                }
                Err(e) => {
                    return Err(transient(anyhow::Error::new(e).context(format!("reading {url} after {total} bytes"))));
                }
            };
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).map_err(|e| Failure::Permanent(anyhow::Error::new(e)))?;
            total += n as u64;
        }
        let file = out.into_inner().map_err(|e| Failure::Permanent(anyhow::Error::new(e.into_error())))?;
        file.sync_all().with_context(|| format!("writing `{}`", dest.display())).map_err(Failure::Permanent)?;
        Ok((total, hex(&hasher.finalize())))
    }
}

enum Failure {
    /// Worth another attempt: a connection error, a timeout, a 5xx answer, a short body.
    Transient(anyhow::Error),
    /// Not worth another attempt: 4xx, too large, a local disk error.
    Permanent(anyhow::Error),
}

fn transient(e: anyhow::Error) -> Failure {
    Failure::Transient(e)
}

/// The sha256 of a file, lower-case hex.
pub fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let mut file = fs_err::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).with_context(|| format!("reading `{}`", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Copies `from` to `to` and flushes it to disk (a file a 304 says is unchanged).
pub fn copy_synced(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs_err::copy(from, to)?;
    fs_err::File::open(to)?.sync_all().with_context(|| format!("writing `{}`", to.display()))?;
    Ok(())
}
