//! Errors: what stops the tool from doing the job (exit 2), as opposed to findings about a
//! dossier. A located error is a `Finding` in a file the user wrote, with that file's text for
//! a snippet; a usage error is a message of the catalogue. The binary words both.

use crate::finding::{Code, Finding, Message, Severity, Source};
use std::path::PathBuf;
use std::sync::Arc;

/// An error located in a user's file (a rules edition, `dossier.toml`, a calendar, a template).
#[derive(Debug, Clone)]
pub struct SourceError {
    pub finding: Finding,
    pub source: Source,
}

impl SourceError {
    /// An error of `code` in `file` at byte range `span` of `text`, worded by `detail`.
    pub fn new(
        code: Code,
        file: &str,
        text: Arc<str>,
        span: Option<(usize, usize)>,
        detail: impl Into<crate::finding::Arg>,
    ) -> SourceError {
        let finding = Finding::new(Severity::Error, code)
            .arg("file", file)
            .arg("detail", detail)
            .at_span(file, &text, span);
        SourceError {
            finding,
            source: Source {
                file: file.to_string(),
                text,
            },
        }
    }

    pub fn help(mut self, help: Message) -> SourceError {
        self.finding = self.finding.help(help);
        self
    }

    pub fn code(&self) -> Code {
        self.finding.code
    }

    /// 1-based line and character column, when the place is known.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let p = self.finding.place.as_ref()?;
        Some((p.line?, p.column.unwrap_or(1)))
    }
}

/// 1-based line and 1-based column in characters of byte offset `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).locate(text, offset)
}

/// Where each line of a text starts, so many places are found without rescanning. A line ends
/// with \n, \r\n or a lone \r (old Mac files), as YAML says.
#[derive(Debug, Clone)]
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', b) {
            if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex(starts)
    }

    /// 1-based line and character column of `offset` in `text` (the text indexed).
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.0.partition_point(|&s| s <= offset);
        let start = self.0[line - 1].min(offset);
        (line, text[start..offset].chars().count() + 1)
    }
}

/// Everything that can stop a command. `Usage` and `Source` are the user's to fix; `Io` is the
/// machine's; `Internal` is ours (a defect, or a library that failed to produce output).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", .0.finding.code)]
    Source(Box<SourceError>),
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("usage")]
    Usage(Vec<Message>),
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A usage error of one message.
    pub fn usage(m: Message) -> Error {
        Error::Usage(vec![m])
    }

    /// The process exit status for this error (contract §6: every error is 2).
    pub fn exit_code(&self) -> u8 {
        2
    }
}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Self {
        Error::Source(Box::new(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name: Қазақ\nбар: x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_column(text, offset), (2, 6));
        assert_eq!(line_column(text, 0), (1, 1));
        let cr = "a: 1\rb: 2\r\nc: x";
        assert_eq!(line_column(cr, cr.find('x').unwrap()), (3, 4));
    }
}
