//! Text from a dossier, the file system or an edition made safe for where it is printed.

/// Text from a dossier or the file system, safe to print: control characters (an escape
/// sequence, a line break that could forge a report line) are shown escaped.
pub fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' => "\\n".to_string(),
                '\t' => "\\t".to_string(),
                '\r' => "\\r".to_string(),
                c if c.is_control() => format!("\\u{{{:x}}}", u32::from(c)),
                c => c.to_string(),
            })
            .collect(),
    )
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
    fn text_from_a_hostile_file_stays_text_and_well_formed() {
        assert_eq!(
            super::markup("a<b>&\"c\"'d'\u{1}\u{7f}\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;\u{FFFD}\u{FFFD}\n"
        );
    }
}
