//! Errors: what stops the tool from doing the job (exit 2), as opposed to findings about a
//! dossier (see `diagnostic`). A `SourceError` points at a line of a file the user wrote.

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::path::PathBuf;

/// An error located in a user's file (`dossier.yaml`, a rules edition, `dossier.toml`).
#[derive(Debug, Clone)]
pub struct SourceError {
    /// Stable kebab-case code, e.g. `yaml.unknown-key` (docs/diagnostics.md).
    pub code: &'static str,
    pub message: String,
    /// The file as the user would name it.
    pub file: String,
    pub source_text: String,
    /// Byte range in `source_text`, when the place is known.
    pub span: Option<(usize, usize)>,
    pub label: String,
    pub help: Option<String>,
}

impl SourceError {
    /// 1-based line and character (not byte) column of the span start.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let (start, _) = self.span?;
        Some(line_column(&self.source_text, start))
    }
}

/// 1-based line and 1-based column in characters of byte offset `offset` of `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SourceError {}

impl Diagnostic for SourceError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source_text as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = self.span?;
        let len = end.saturating_sub(start);
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(self.label.clone()),
            start,
            len,
        ))))
    }
}

impl SourceError {
    /// A `miette::Report` that names the file, for printing.
    pub fn to_report(&self) -> miette::Report {
        miette::Report::new(self.clone())
            .with_source_code(NamedSource::new(&self.file, self.source_text.clone()))
    }
}

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    #[error("{}", .0.message)]
    Source(Box<SourceError>),
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
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
    }
}
