//! The two database connections behind one small interface: statements with
//! `$1`-style parameters, typed values in and rows of values out.
//!
//! SQL is written once in PostgreSQL's placeholder style; for SQLite, `$n`
//! becomes `?n`, which SQLite binds by position too. Everything else that
//! differs between the dialects lives in the migrations.

use std::collections::HashMap;

use crate::StoreError;

/// A parameter or column value. Each variant carries its SQL type, so a NULL
/// still binds with the right type on PostgreSQL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(Some(v))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_owned()))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}

impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Value {
        Value::Text(v.map(str::to_owned))
    }
}

/// One result row.
#[derive(Debug, Clone)]
pub(crate) struct Row(pub(crate) Vec<Value>);

impl Row {
    pub(crate) fn int(&self, i: usize) -> i64 {
        match &self.0[i] {
            Value::Int(Some(v)) => *v,
            Value::Real(Some(v)) => *v as i64,
            _ => 0,
        }
    }

    pub(crate) fn real(&self, i: usize) -> f64 {
        match &self.0[i] {
            Value::Real(Some(v)) => *v,
            Value::Int(Some(v)) => *v as f64,
            _ => 0.0,
        }
    }

    pub(crate) fn opt_text(&self, i: usize) -> Option<String> {
        match &self.0[i] {
            Value::Text(v) => v.clone(),
            Value::Int(Some(v)) => Some(v.to_string()),
            _ => None,
        }
    }

    pub(crate) fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }
}

/// Which database a store is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres { client: Box<postgres::Client>, statements: HashMap<String, postgres::Statement> },
}

impl Conn {
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Postgres { .. } => Dialect::Postgres,
        }
    }

    /// Runs statements without parameters (migrations, `BEGIN`, `COMMIT`).
    pub(crate) fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Conn::Sqlite(c) => c.execute_batch(sql).map_err(StoreError::from),
            Conn::Postgres { client, .. } => client.batch_execute(sql).map_err(StoreError::from),
        }
    }

    /// Runs one statement and returns the number of rows it changed.
    pub(crate) fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                let n = stmt.execute(rusqlite::params_from_iter(params.iter().map(sqlite_value)))?;
                Ok(n as u64)
            }
            Conn::Postgres { client, statements } => {
                let stmt = pg_statement(client, statements, sql)?;
                let refs = pg_params(params);
                Ok(client.execute(&stmt, &refs)?)
            }
        }
    }

    /// Runs one query and returns its rows.
    pub(crate) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                let width = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(params.iter().map(sqlite_value)))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    let mut values = Vec::with_capacity(width);
                    for i in 0..width {
                        values.push(match row.get::<_, rusqlite::types::Value>(i)? {
                            rusqlite::types::Value::Null => Value::Text(None),
                            rusqlite::types::Value::Integer(v) => Value::Int(Some(v)),
                            rusqlite::types::Value::Real(v) => Value::Real(Some(v)),
                            rusqlite::types::Value::Text(v) => Value::Text(Some(v)),
                            rusqlite::types::Value::Blob(v) => Value::Text(Some(String::from_utf8_lossy(&v).into())),
                        });
                    }
                    out.push(Row(values));
                }
                Ok(out)
            }
            Conn::Postgres { client, statements } => {
                let stmt = pg_statement(client, statements, sql)?;
                let refs = pg_params(params);
                let rows = client.query(&stmt, &refs)?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let mut values = Vec::with_capacity(row.len());
                    for (i, col) in row.columns().iter().enumerate() {
                        use postgres::types::Type;
                        let t = col.type_();
                        values.push(if *t == Type::INT8 {
                            Value::Int(row.try_get::<_, Option<i64>>(i)?)
                        } else if *t == Type::INT4 {
                            Value::Int(row.try_get::<_, Option<i32>>(i)?.map(i64::from))
                        } else if *t == Type::FLOAT8 {
                            Value::Real(row.try_get::<_, Option<f64>>(i)?)
                        } else {
                            Value::Text(row.try_get::<_, Option<String>>(i)?)
                        });
                    }
                    out.push(Row(values));
                }
                Ok(out)
            }
        }
    }
}

fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

/// A parameter for SQLite, borrowing its text.
fn sqlite_value(v: &Value) -> rusqlite::types::ToSqlOutput<'_> {
    use rusqlite::types::ValueRef;
    rusqlite::types::ToSqlOutput::Borrowed(match v {
        Value::Int(Some(v)) => ValueRef::Integer(*v),
        Value::Real(Some(v)) => ValueRef::Real(*v),
        Value::Text(Some(v)) => ValueRef::Text(v.as_bytes()),
        _ => ValueRef::Null,
    })
}

pub(crate) fn pg_statement(
    client: &mut postgres::Client,
    statements: &mut HashMap<String, postgres::Statement>,
    sql: &str,
) -> Result<postgres::Statement, StoreError> {
    if let Some(s) = statements.get(sql) {
        return Ok(s.clone());
    }
    let stmt = client.prepare(sql)?;
    statements.insert(sql.to_owned(), stmt.clone());
    Ok(stmt)
}

fn pg_params(params: &[Value]) -> Vec<&(dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|v| match v {
            Value::Int(x) => x as &(dyn postgres::types::ToSql + Sync),
            Value::Real(x) => x,
            Value::Text(x) => x,
        })
        .collect()
}
