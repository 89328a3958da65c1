//! Integration tests: one binary, driving the real `dossier` executable (style.md).

mod bad_input;
mod criteria;
mod docs;
mod documents;
mod outcomes;
mod render;
mod samples;
mod score;
mod support;
mod workflow;
