//! The layer everything stands on: the Rules as data (editions), the model of `dossier.yaml`
//! and its YAML reading, facts, findings and errors as data, languages, the working-day
//! calendar, `dossier.toml` settings, every bound (`limits`) and the one file layer (`files`)
//! through which every file a user or an archive supplies is read.
//!
//! It never prints, exits, or reads the environment or the clock.
#![deny(unsafe_code)]

pub mod calendar;
pub mod dossier;
pub mod edition;
pub mod encoding;
pub mod error;
pub mod facts;
pub mod files;
pub mod finding;
pub mod glyphs;
pub mod lang;
pub mod limits;
pub mod settings;
pub mod source_path;
mod toml_locate;
