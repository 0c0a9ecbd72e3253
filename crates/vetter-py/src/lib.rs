//! Python bindings for vetter: the `vetter` extension module, built by maturin
//! from `python/pyproject.toml` as an abi3 wheel (CPython 3.9 and later).
//!
//! One class, `vetter.Screener`, opens the compiled index of a data folder
//! (building it on first use, as the CLI does) and offers:
//!
//! - `screen(name, ...)`: the ranked, explained hits of one query, as the
//!   CLI's `vetter screen NAME --format json` prints them under `results`;
//! - `screen_batch(batch, columns=None, limit=3)`: a `pyarrow.RecordBatch` in,
//!   a `pyarrow.RecordBatch` out (`row`, kept columns, `hits`, `error`), for
//!   PySpark's `mapInArrow` and Ray's `map_batches`. Arrow crosses the boundary
//!   through the Arrow C data interface; the GIL is released while the rows
//!   are screened on all cores with rayon (module `batch`);
//! - `compare(a, b, schema="Person")` and `scan(text, subject=None)`.
//!
//! The crate only converts Python values and Arrow batches and calls
//! `vetter-engine`, `vetter-matcher` and `vetter-scan`; it holds no screening
//! logic. Everything sits behind the `python` feature, which maturin turns on,
//! so the workspace builds and tests without a Python interpreter.

#![cfg(feature = "python")]

mod batch;
mod convert;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use arrow::pyarrow::PyArrowType;
use arrow::record_batch::RecordBatch;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use vetter_engine::{Engine, OpenOptions, Query};
use vetter_matcher::Algorithm;
use vetter_model::Schema;
use vetter_scan::places::ProgramTable;

/// Screens names, batches and documents against the lists of one data folder.
#[pyclass(frozen, module = "vetter")]
struct Screener {
    engine: Arc<Engine>,
    programs: ProgramTable,
    index_path: PathBuf,
    rebuilt: bool,
}

fn schema_of(schema: Option<&str>) -> PyResult<Option<Schema>> {
    schema.map(|s| s.parse::<Schema>().map_err(|e| PyValueError::new_err(e.to_string()))).transpose()
}

/// The bundled lists: `$VETTER_DATA`, `data/lists` in the working folder or one
/// of its parents, or the repository this module was built from.
fn bundled_data_dir() -> Option<PathBuf> {
    let marker = |p: &PathBuf| p.join("MANIFEST.md").exists() || p.join("ofac_sdn").exists();
    if let Some(dir) = std::env::var_os("VETTER_DATA") {
        return Some(PathBuf::from(dir));
    }
    if let Ok(cwd) = std::env::current_dir() {
        for up in cwd.ancestors() {
            let candidate = up.join("data").join("lists");
            if marker(&candidate) {
                return Some(candidate);
            }
        }
    }
    Some(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/lists"))).filter(marker)
}

/// A column role given as one column name or a list of them.
fn column_names(value: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if let Ok(s) = value.extract::<String>() {
        return Ok(if s.is_empty() { Vec::new() } else { vec![s] });
    }
    value.extract::<Vec<String>>()
}

#[pymethods]
impl Screener {
    /// Opens the lists in `data_dir` (default: the bundled lists), building the
    /// index at `index_path` (default: one per folder in the cache folder) when
    /// it is missing or stale.
    #[new]
    #[pyo3(signature = (data_dir=None, index_path=None))]
    fn new(py: Python<'_>, data_dir: Option<PathBuf>, index_path: Option<PathBuf>) -> PyResult<Screener> {
        let data_dir = match data_dir.or_else(bundled_data_dir) {
            Some(dir) => dir,
            None => {
                return Err(PyValueError::new_err(
                    "no data folder given and the bundled lists were not found\nhint: pass data_dir= or set VETTER_DATA",
                ));
            }
        };
        let options = OpenOptions { index_path, ..OpenOptions::new(&data_dir) };
        let (engine, report) = py
            .detach(|| Engine::open(&options))
            .map_err(|e| PyRuntimeError::new_err(format!("loading the lists in `{}`: {e}", data_dir.display())))?;
        let programs = py.detach(|| ProgramTable::from_engine(&engine));
        Ok(Screener { engine: Arc::new(engine), programs, index_path: report.index_path, rebuilt: report.rebuilt })
    }

    /// The compiled index this screener memory-maps.
    #[getter]
    fn index_path(&self) -> PathBuf {
        self.index_path.clone()
    }

    /// The data folder.
    #[getter]
    fn data_dir(&self) -> PathBuf {
        self.engine.data_dir().to_owned()
    }

    /// True when opening built the index (it was missing or stale).
    #[getter]
    fn rebuilt(&self) -> bool {
        self.rebuilt
    }

    /// The number of entities.
    fn __len__(&self) -> usize {
        self.engine.len()
    }

    /// Screens one name; returns the hits, best first, as dicts.
    #[pyo3(signature = (name, schema=None, birth_date=None, countries=None, identifiers=None, datasets=None, limit=10))]
    #[allow(clippy::too_many_arguments)]
    fn screen<'py>(
        &self,
        py: Python<'py>,
        name: String,
        schema: Option<&str>,
        birth_date: Option<String>,
        countries: Option<Vec<String>>,
        identifiers: Option<Vec<String>>,
        datasets: Option<Vec<String>>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        if name.trim().is_empty() {
            return Err(PyValueError::new_err("the name is empty"));
        }
        let query = Query {
            name,
            schema: schema_of(schema)?,
            birth_date,
            countries: countries.unwrap_or_default(),
            identifiers: identifiers.unwrap_or_default(),
            datasets: datasets.unwrap_or_default(),
        };
        let engine = &self.engine;
        let hits = py.detach(|| engine.screen(&query, limit));
        convert::serde_to_py(py, &hits)
    }

    /// Screens every row of a `pyarrow.RecordBatch`; see the module stub for the columns.
    #[pyo3(signature = (batch, columns=None, limit=3, keep=None, datasets=None))]
    fn screen_batch(
        &self,
        py: Python<'_>,
        batch: PyArrowType<RecordBatch>,
        columns: Option<HashMap<String, Bound<'_, PyAny>>>,
        limit: usize,
        keep: Option<Vec<String>>,
        datasets: Option<Vec<String>>,
    ) -> PyResult<PyArrowType<RecordBatch>> {
        let batch = batch.0;
        let headers: Vec<String> = batch.schema().fields().iter().map(|f| f.name().clone()).collect();
        let mut overrides = Vec::new();
        for (role, value) in columns.unwrap_or_default() {
            overrides.push((role, column_names(&value)?));
        }
        overrides.sort();
        let roles = batch::find_roles(&headers, &overrides).map_err(PyValueError::new_err)?;
        let keep = keep
            .unwrap_or_default()
            .iter()
            .map(|k| {
                headers
                    .iter()
                    .position(|h| h == k)
                    .ok_or_else(|| PyValueError::new_err(format!("keep: no column `{k}` in the batch")))
            })
            .collect::<PyResult<Vec<usize>>>()?;
        let datasets = datasets.unwrap_or_default();
        let engine = &self.engine;
        let out = py
            .detach(|| batch::screen_batch(engine, &batch, &roles, &keep, limit, &datasets))
            .map_err(|e| PyRuntimeError::new_err(format!("building the output batch: {e}")))?;
        Ok(PyArrowType(out))
    }

    /// Compares two names; returns `{"score", "match", "explanation"}` as `vetter compare --format json` does.
    #[pyo3(signature = (a, b, schema="Person"))]
    fn compare<'py>(&self, py: Python<'py>, a: &str, b: &str, schema: &str) -> PyResult<Bound<'py, PyAny>> {
        compare(py, a, b, schema)
    }

    /// Scans a document (plain text) for listed names, jurisdictions, officials and, with a subject, contacts.
    #[pyo3(signature = (text, subject=None))]
    fn scan<'py>(&self, py: Python<'py>, text: String, subject: Option<String>) -> PyResult<Bound<'py, PyAny>> {
        let engine = &self.engine;
        let programs = &self.programs;
        let report = py.detach(|| {
            let mut scanner = vetter_scan::Scanner::with_programs(engine, programs.clone());
            scanner.scan(&text, subject.as_deref())
        });
        convert::serde_to_py(py, &report)
    }

    fn __repr__(&self) -> String {
        format!("Screener(data_dir={:?}, entities={})", self.engine.data_dir().display().to_string(), self.engine.len())
    }
}

/// Compares two names without loading any list.
#[pyfunction]
#[pyo3(signature = (a, b, schema="Person"))]
fn compare<'py>(py: Python<'py>, a: &str, b: &str, schema: &str) -> PyResult<Bound<'py, PyAny>> {
    for (which, name) in [("first", a), ("second", b)] {
        if name.trim().is_empty() {
            return Err(PyValueError::new_err(format!("the {which} name is empty")));
        }
    }
    let schema = schema_of(Some(schema))?.unwrap_or(Schema::Person);
    let c = vetter_matcher::compare(a, b, schema, Algorithm::Vetter);
    let explanation = serde_json::to_value(&c.explanation)
        .map_err(|e| PyRuntimeError::new_err(format!("serialising a comparison: {e}")))?;
    let json = serde_json::json!({ "score": c.score, "match": c.is_match, "explanation": explanation });
    convert::to_py(py, &json)
}

/// The native module, `vetter._vetter`; `vetter/__init__.py` re-exports it.
#[pymodule]
fn _vetter(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Screener>()?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
