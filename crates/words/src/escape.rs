//! Text from a dossier, the file system or an edition made safe for where it is printed.

/// A character that changes how a line reads without showing itself: a control character (an
/// escape sequence, a line break that could forge a report line), a bidirectional control (it
/// reorders what follows: `U+202E`, `U+2066`–`U+2069`, the marks) or an invisible one
/// (zero-width spaces and joiners, the word joiner, a byte-order mark).
pub fn is_deceptive(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Text from a dossier, an edition or the file system, safe to print on a terminal: every
/// deceptive character (`is_deceptive`) is shown escaped, as `\u{202e}`.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_deceptive) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if is_deceptive(c) => format!("\\u{{{:x}}}", u32::from(c)),
                c => c.to_string(),
            })
            .collect(),
    )
}

/// Text for Markdown, shown as written: every character Markdown or HTML would act on
/// (emphasis, links, images, code, headings, tables, tags, entities) is escaped with a
/// backslash, and line breaks become spaces, so a file name stays a name.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean(text).chars() {
        if "\\`*_{}[]()<>#!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for HTML or XML, in an element or an attribute: the five predefined entities, line
/// breaks and tabs kept, and every character XML 1.0 cannot carry (a control character from a
/// hostile file) replaced by U+FFFD.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push('\u{FFFD}')
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_stays_a_name_in_markdown() {
        assert_eq!(
            super::markdown("[click](https://x) <img src=y>.pdf"),
            "\\[click\\]\\(https://x\\) \\<img src=y\\>.pdf"
        );
    }

    #[test]
    fn text_from_a_hostile_file_stays_text_and_well_formed() {
        assert_eq!(
            super::markup("a<b>&\"c\"'d'\u{1}\u{7f}\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;\u{FFFD}\u{FFFD}\n"
        );
    }
}
