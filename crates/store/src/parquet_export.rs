//! Typed Parquet export (zstd), behind the `parquet` feature: the low-level column writer of
//! the `parquet` crate without arrow, which keeps the build light (see the crate README for the
//! measured build times).
//!
//! One row per event. Evidence is flattened to the first (earliest) sentence with its offsets,
//! trigger and rule, plus `evidence_count` and `evidence_json` holding every sentence, so a
//! reader needs no nested types.

use crate::error::{Error, Result};
use crate::read::{Filter, StoredEvent};
use crate::Store;
use parquet::basic::{Compression, Repetition};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::sync::Arc;

const SCHEMA: &str = "message sitrep_event {
  REQUIRED BYTE_ARRAY event_id (STRING);
  REQUIRED INT64 global_event_id;
  REQUIRED BYTE_ARRAY article_id (STRING);
  OPTIONAL INT32 date (DATE);
  OPTIONAL BYTE_ARRAY date_iso (STRING);
  REQUIRED BYTE_ARRAY date_basis (STRING);
  REQUIRED BYTE_ARRAY source_text (STRING);
  OPTIONAL BYTE_ARRAY source_country (STRING);
  REQUIRED BYTE_ARRAY source_code (STRING);
  OPTIONAL BYTE_ARRAY target_text (STRING);
  OPTIONAL BYTE_ARRAY target_country (STRING);
  OPTIONAL BYTE_ARRAY target_code (STRING);
  REQUIRED BYTE_ARRAY cameo_code (STRING);
  REQUIRED BYTE_ARRAY cameo_root (STRING);
  OPTIONAL FLOAT goldstein;
  REQUIRED INT32 quad_class (INTEGER(8, true));
  REQUIRED BYTE_ARRAY plover_type (STRING);
  OPTIONAL BYTE_ARRAY plover_mode (STRING);
  REQUIRED BOOLEAN negated;
  REQUIRED BYTE_ARRAY modality (STRING);
  OPTIONAL BYTE_ARRAY location_name (STRING);
  OPTIONAL BYTE_ARRAY location_country (STRING);
  OPTIONAL DOUBLE lat;
  OPTIONAL DOUBLE lon;
  OPTIONAL BYTE_ARRAY evidence (STRING);
  OPTIONAL INT32 evidence_start;
  OPTIONAL INT32 evidence_end;
  OPTIONAL BYTE_ARRAY evidence_trigger (STRING);
  OPTIONAL BYTE_ARRAY evidence_rule (STRING);
  REQUIRED INT32 evidence_count;
  REQUIRED BYTE_ARRAY evidence_json (STRING);
  REQUIRED INT32 mentions;
  REQUIRED FLOAT confidence;
  REQUIRED BYTE_ARRAY coder_version (STRING);
  OPTIONAL BYTE_ARRAY url (STRING);
}";

/// Rows per row group: bounds memory (columns are buffered per group).
const GROUP_ROWS: usize = 50_000;

/// One column's buffered values, in schema order.
enum Col {
    Str(Vec<Option<String>>),
    I32(Vec<Option<i32>>),
    I64(Vec<Option<i64>>),
    F32(Vec<Option<f32>>),
    F64(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
}

/// Days since 1970-01-01 of a YYYYMMDD day number (Parquet DATE).
fn epoch_days(day: i64) -> i32 {
    let (y, m, d) = (day / 10000, day / 100 % 100, day % 100);
    // Inverse of civil_from_days (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

fn row(s: &StoredEvent) -> Result<Vec<Col>> {
    let e = &s.event;
    let t = e.target.as_ref();
    let l = e.location.as_ref();
    let x = e.evidence.first();
    let day = e
        .date
        .as_deref()
        .and_then(crate::write::day_number)
        .filter(|d| d % 100 != 0);
    let some = |v: &str| Some(v.to_string());
    Ok(vec![
        Col::Str(vec![some(&e.event_id)]),
        Col::I64(vec![Some(Store::numeric_id(&e.event_id))]),
        Col::Str(vec![some(&e.article_id)]),
        Col::I32(vec![day.map(epoch_days)]),
        Col::Str(vec![e.date.clone()]),
        Col::Str(vec![some(&e.date_basis)]),
        Col::Str(vec![some(&e.source.text)]),
        Col::Str(vec![e.source.country.clone()]),
        Col::Str(vec![some(&e.source.code)]),
        Col::Str(vec![t.map(|t| t.text.clone())]),
        Col::Str(vec![t.and_then(|t| t.country.clone())]),
        Col::Str(vec![t.map(|t| t.code.clone())]),
        Col::Str(vec![some(&e.cameo.code)]),
        Col::Str(vec![some(&e.cameo.root)]),
        Col::F32(vec![e.cameo.goldstein]),
        Col::I32(vec![Some(i32::from(e.cameo.quad_class))]),
        Col::Str(vec![some(&e.plover.event_type)]),
        Col::Str(vec![e.plover.mode.clone()]),
        Col::Bool(vec![Some(e.negated)]),
        Col::Str(vec![some(&e.modality)]),
        Col::Str(vec![l.map(|l| l.name.clone())]),
        Col::Str(vec![l.and_then(|l| l.country.clone())]),
        Col::F64(vec![l.and_then(|l| l.lat)]),
        Col::F64(vec![l.and_then(|l| l.lon)]),
        Col::Str(vec![x.map(|x| x.sentence.clone())]),
        Col::I32(vec![x.map(|x| x.start as i32)]),
        Col::I32(vec![x.map(|x| x.end as i32)]),
        Col::Str(vec![x.map(|x| x.trigger.clone())]),
        Col::Str(vec![x.map(|x| x.rule.clone())]),
        Col::I32(vec![Some(e.evidence.len() as i32)]),
        Col::Str(vec![Some(serde_json::to_string(&e.evidence)?)]),
        Col::I32(vec![Some(e.mentions as i32)]),
        Col::F32(vec![Some(e.confidence)]),
        Col::Str(vec![some(&s.coder_version)]),
        Col::Str(vec![s.url.clone()]),
    ])
}

fn append(into: &mut [Col], from: Vec<Col>) {
    for (a, b) in into.iter_mut().zip(from) {
        match (a, b) {
            (Col::Str(a), Col::Str(b)) => a.extend(b),
            (Col::I32(a), Col::I32(b)) => a.extend(b),
            (Col::I64(a), Col::I64(b)) => a.extend(b),
            (Col::F32(a), Col::F32(b)) => a.extend(b),
            (Col::F64(a), Col::F64(b)) => a.extend(b),
            (Col::Bool(a), Col::Bool(b)) => a.extend(b),
            _ => unreachable!("row() builds columns in schema order"),
        }
    }
}

/// Values and definition levels (1 present, 0 null) of an optional-or-required column.
fn split<T: Clone>(v: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
    let defs = v.iter().map(|x| i16::from(x.is_some())).collect();
    (v.iter().flatten().cloned().collect(), defs)
}

fn pq(e: parquet::errors::ParquetError) -> Error {
    Error::Io(std::io::Error::other(e))
}

fn write_group<W: std::io::Write + Send>(
    w: &mut SerializedFileWriter<W>,
    cols: &mut [Col],
    required: &[bool],
) -> Result<()> {
    let mut rg = w.next_row_group().map_err(pq)?;
    let mut i = 0;
    while let Some(mut cw) = rg.next_column().map_err(pq)? {
        let req = required[i];
        let defs = |d: Vec<i16>| if req { None } else { Some(d) };
        match (cw.untyped(), &cols[i]) {
            (ColumnWriter::ByteArrayColumnWriter(t), Col::Str(v)) => {
                let (vals, d) = split(v);
                let vals: Vec<ByteArray> = vals
                    .into_iter()
                    .map(|s| ByteArray::from(s.into_bytes()))
                    .collect();
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            (ColumnWriter::Int32ColumnWriter(t), Col::I32(v)) => {
                let (vals, d) = split(v);
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            (ColumnWriter::Int64ColumnWriter(t), Col::I64(v)) => {
                let (vals, d) = split(v);
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            (ColumnWriter::FloatColumnWriter(t), Col::F32(v)) => {
                let (vals, d) = split(v);
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            (ColumnWriter::DoubleColumnWriter(t), Col::F64(v)) => {
                let (vals, d) = split(v);
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            (ColumnWriter::BoolColumnWriter(t), Col::Bool(v)) => {
                let (vals, d) = split(v);
                t.write_batch(&vals, defs(d).as_deref(), None).map_err(pq)?;
            }
            _ => unreachable!("SCHEMA and row() list the same columns in the same order"),
        }
        cw.close().map_err(pq)?;
        i += 1;
    }
    rg.close().map_err(pq)?;
    for c in cols.iter_mut() {
        match c {
            Col::Str(v) => v.clear(),
            Col::I32(v) => v.clear(),
            Col::I64(v) => v.clear(),
            Col::F32(v) => v.clear(),
            Col::F64(v) => v.clear(),
            Col::Bool(v) => v.clear(),
        }
    }
    Ok(())
}

impl Store {
    /// Write the events matching `f` as one Parquet file (zstd). Returns the rows written.
    pub fn export_parquet<W: std::io::Write + Send>(&self, f: &Filter, out: W) -> Result<u64> {
        let schema = Arc::new(parse_message_type(SCHEMA).map_err(pq)?);
        let required: Vec<bool> = schema
            .get_fields()
            .iter()
            .map(|t| t.get_basic_info().repetition() == Repetition::REQUIRED)
            .collect();
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(Default::default()))
            .set_created_by(format!("sitrep-store {}", env!("CARGO_PKG_VERSION")))
            .build();
        let mut w = SerializedFileWriter::new(out, schema, Arc::new(props)).map_err(pq)?;
        let mut cols: Vec<Col> = Vec::new();
        let mut buffered = 0usize;
        let n = self.query::<Error>(f, |s| {
            let r = row(&s)?;
            if cols.is_empty() {
                cols = r;
            } else {
                append(&mut cols, r);
            }
            buffered += 1;
            if buffered == GROUP_ROWS {
                write_group(&mut w, &mut cols, &required)?;
                buffered = 0;
            }
            Ok(())
        })?;
        if buffered > 0 {
            write_group(&mut w, &mut cols, &required)?;
        }
        w.close().map_err(pq)?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::epoch_days;

    #[test]
    fn epoch_days_matches_known_dates() {
        assert_eq!(epoch_days(19700101), 0);
        assert_eq!(epoch_days(20000301), 11_017);
        assert_eq!(epoch_days(20230913), 19_613);
    }
}
