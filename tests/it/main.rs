//! Integration tests: one binary, driving the real `dossier` executable (style.md).

mod bad_input;
mod documents;
mod samples;
mod support;
