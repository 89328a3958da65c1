//! Integration tests: one binary, driving the real `dossier` executable (style.md).

mod support;
mod samples;
