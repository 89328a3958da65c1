//! Says which encoding a file that is not UTF-8 is probably in, so a user who saved
//! `dossier.yaml` from an old editor learns what to convert from.

/// A short description such as "it looks like Windows-1251 (Cyrillic)".
pub fn describe(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return "it is UTF-16; save it as UTF-8".to_string();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, true);
    if guess == encoding_rs::WINDOWS_1251 {
        "it looks like Windows-1251 (Cyrillic); save it as UTF-8".to_string()
    } else if guess == encoding_rs::UTF_8 {
        "it has bytes that are not valid UTF-8; save it as UTF-8".to_string()
    } else {
        format!("it looks like {}; save it as UTF-8", guess.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("объект: Единая система электронного документооборота государственных органов");
        assert!(
            describe(&bytes).contains("Windows-1251"),
            "{}",
            describe(&bytes)
        );
    }

    #[test]
    fn names_utf16() {
        assert!(describe(&[0xFF, 0xFE, b'a', 0]).contains("UTF-16"));
    }
}
