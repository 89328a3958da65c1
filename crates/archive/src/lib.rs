//! The filing archive: `pack` writes a reproducible ZIP of a judged dossier (the application,
//! the documents in the Rules' order, the manifest and the sums), `verify` checks one as hostile
//! input, and `seal` records a dossier's documents in `dossier.lock`.
#![deny(unsafe_code)]

mod layout;
pub mod manifest;
pub mod pack;
pub mod seal;
pub mod verify;

pub(crate) use dossier_judge::{documents, integrity, judge, signature};
pub(crate) use dossier_model::{dossier, edition, error, files, finding, lang, limits, settings};
pub(crate) use dossier_render as render;
pub(crate) use dossier_report as report;
pub(crate) use dossier_words as messages;
pub(crate) use dossier_words::t;
