//! Integration tests: one binary, driving the real `dossier` executable (style.md).

mod acts;
mod architecture;
mod bad_input;
mod criteria;
mod docs;
mod documents;
mod fuzz;
mod hostile;
mod integrity;
mod judgment;
mod outcomes;
#[path = "../common/pdf.rs"]
mod pdf;
mod programs;
mod render;
mod rules_in_data;
mod samples;
mod score;
mod scripting;
mod signatures;
mod support;
mod terminal;
mod workflow;
