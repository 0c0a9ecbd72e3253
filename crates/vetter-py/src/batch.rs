//! Arrow batch screening: input columns found by role, every row screened on
//! all cores, and the top hits returned as a `list<struct>` column.
//!
//! Column roles are the CLI's bulk mode's (`vetter screen --input`), from
//! `vetter_engine::columns`: headers are compared lower-cased with only
//! letters and digits kept, the first non-empty full-name column is the name,
//! else the first, middle and last name columns are joined; `;` separates
//! several countries or identifiers in one cell.

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BooleanArray, Float64Array, Int64Array, ListArray, ListBuilder, StringArray, StringBuilder,
    StructArray,
};
use arrow::buffer::OffsetBuffer;
use arrow::compute::{can_cast_types, cast};
use arrow::datatypes::{DataType, Field, Fields, Schema as ArrowSchema};
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;
use rayon::prelude::*;
use vetter_engine::columns::{Role, Roles, find_column};
use vetter_engine::{Engine, Hit, Query};

/// The role names `columns=` accepts.
pub const ROLES: &[&str] = &["name", "schema", "birth_date", "country", "id"];

/// Finds the role columns of `headers`; `overrides` (role, column names) replace
/// what was found for their role (an empty list gives the role to no column).
pub fn find_roles(headers: &[String], overrides: &[(String, Vec<String>)]) -> Result<Roles, String> {
    let mut roles = Roles::from_headers(headers);
    for (role, columns) in overrides {
        let mut found = Vec::new();
        for column in columns {
            let i = find_column(headers, column)
                .ok_or_else(|| format!("no column `{column}` in the batch ({})", headers.join(", ")))?;
            found.push(i);
        }
        let role = match role.as_str() {
            "name" => {
                roles.full_name.clear();
                Role::Name
            }
            "schema" => Role::Schema,
            "birth_date" => Role::BirthDate,
            "country" => Role::Country,
            "id" => Role::Id,
            other => return Err(format!("unknown role `{other}` (expected one of {})", ROLES.join(", "))),
        };
        *roles.columns_mut(role) = found;
    }
    if !roles.has_name() {
        return Err(format!(
            "no name column in the batch ({})\nhint: name it `name` or `full_name`, or pass columns={{\"name\": \"COLUMN\"}}",
            headers.join(", ")
        ));
    }
    Ok(roles)
}

/// Every column as strings (any Arrow type that casts to UTF-8: strings, dictionaries, numbers, dates).
fn string_columns(batch: &RecordBatch) -> Result<Vec<Option<StringArray>>, ArrowError> {
    batch
        .columns()
        .iter()
        .map(|c| {
            if !can_cast_types(c.data_type(), &DataType::Utf8) {
                return Ok(None);
            }
            let s = cast(c, &DataType::Utf8)?;
            Ok(s.as_any().downcast_ref::<StringArray>().cloned())
        })
        .collect()
}

fn query_of(columns: &[Option<StringArray>], roles: &Roles, row: usize, datasets: &[String]) -> Result<Query, String> {
    let cell = |i: usize| match &columns[i] {
        Some(a) if a.is_valid(row) => a.value(row).trim(),
        _ => "",
    };
    roles.query(cell, None, datasets)
}

/// The Arrow type of one hit.
pub fn hit_fields() -> Fields {
    let strings = || DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
    Fields::from(vec![
        Field::new("id", DataType::Utf8, true),
        Field::new("caption", DataType::Utf8, true),
        Field::new("score", DataType::Float64, true),
        Field::new("match", DataType::Boolean, true),
        Field::new("datasets", strings(), true),
        Field::new("topics", strings(), true),
    ])
}

fn string_lists<'a>(lists: impl Iterator<Item = &'a [String]>) -> ListArray {
    let mut builder = ListBuilder::new(StringBuilder::new());
    for list in lists {
        for s in list {
            builder.values().append_value(s);
        }
        builder.append(true);
    }
    builder.finish()
}

fn hits_of(result: &Result<Vec<Hit>, String>) -> &[Hit] {
    result.as_deref().unwrap_or(&[])
}

/// Screens every row of `batch` (in parallel) and returns the output batch:
/// `row` (the row's index in `batch`), the `keep` columns as given, `hits`
/// (best first, at most `limit`) and `error` (null unless the row could not be
/// screened: no name, or an unknown schema).
pub fn screen_batch(
    engine: &Engine,
    batch: &RecordBatch,
    roles: &Roles,
    keep: &[usize],
    limit: usize,
    datasets: &[String],
) -> Result<RecordBatch, ArrowError> {
    let columns = string_columns(batch)?;
    let results: Vec<Result<Vec<Hit>, String>> = (0..batch.num_rows())
        .into_par_iter()
        .map(|row| query_of(&columns, roles, row, datasets).map(|q| engine.screen(&q, limit)))
        .collect();
    let all: Vec<&Hit> = results.iter().flat_map(hits_of).collect();
    let fields = hit_fields();
    let structs = StructArray::try_new(
        fields.clone(),
        vec![
            Arc::new(StringArray::from_iter_values(all.iter().map(|h| h.id.as_str()))) as ArrayRef,
            Arc::new(StringArray::from_iter_values(all.iter().map(|h| h.caption.as_str()))),
            Arc::new(Float64Array::from_iter_values(all.iter().map(|h| h.score))),
            Arc::new(BooleanArray::from(all.iter().map(|h| h.is_match).collect::<Vec<_>>())),
            Arc::new(string_lists(all.iter().map(|h| &h.datasets[..]))),
            Arc::new(string_lists(all.iter().map(|h| &h.topics[..]))),
        ],
        None,
    )?;
    let item = Arc::new(Field::new("item", DataType::Struct(fields), true));
    let offsets = OffsetBuffer::from_lengths(results.iter().map(|r| hits_of(r).len()));
    let hits = ListArray::try_new(item.clone(), offsets, Arc::new(structs), None)?;
    let errors = StringArray::from(results.iter().map(|r| r.as_ref().err().map(String::as_str)).collect::<Vec<_>>());
    let rows = Int64Array::from_iter_values((0..batch.num_rows()).map(|i| i as i64));

    let mut out_fields = vec![Field::new("row", DataType::Int64, true)];
    let mut out_columns: Vec<ArrayRef> = vec![Arc::new(rows)];
    for &k in keep {
        out_fields.push(batch.schema().field(k).clone());
        out_columns.push(batch.column(k).clone());
    }
    out_fields.push(Field::new("hits", DataType::List(item), true));
    out_columns.push(Arc::new(hits));
    out_fields.push(Field::new("error", DataType::Utf8, true));
    out_columns.push(Arc::new(errors));
    RecordBatch::try_new(Arc::new(ArrowSchema::new(out_fields)), out_columns)
}
